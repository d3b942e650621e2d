import type { MenuItemConstructorOptions } from 'electron';

const separator: MenuItemConstructorOptions = { type: 'separator' };

/**
 * The application menu, in place of Electron's default one (which offers
 * Reload and Toggle Developer Tools to anyone at the window). Standard roles
 * only: nothing here reaches the backend. Reload and DevTools exist only in
 * development builds. Pure, so tests can read it.
 */
export function appMenuTemplate({ packaged, platform }: { packaged: boolean; platform: NodeJS.Platform }): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const development: MenuItemConstructorOptions[] = packaged ? [] : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator];
  const appMenu: MenuItemConstructorOptions = {
    label: 'Gatekey',
    submenu: [{ role: 'about' }, separator, { role: 'services' }, separator, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, separator, { role: 'quit' }],
  };
  return [
    ...(mac ? [appMenu] : []),
    { label: 'File', submenu: [mac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [{ role: 'undo' }, { role: 'redo' }, separator, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'delete' }, separator, { role: 'selectAll' }],
    },
    { label: 'View', submenu: [...development, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, separator, { role: 'togglefullscreen' }] },
    { label: 'Window', submenu: mac ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }] },
    // macOS has About in the app menu; elsewhere it lives here (the native About panel, see about-panel.ts).
    { role: 'help', submenu: mac ? [{ role: 'about' }] : [{ role: 'about', label: 'About Gatekey' }] },
  ];
}
