import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/**
 * The renderer's powers, all off: it is a sandboxed web page that reaches main
 * only through the preload's named functions. Do not loosen any of these.
 */
export function secureWebPreferences(preload: string, { devTools }: { devTools: boolean }): WebPreferences {
  return {
    preload,
    // Off in packaged builds: DevTools would hand anyone at the window a console inside the page.
    devTools,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
  };
}

/** `icon` shows in the Linux and Windows title bar and task switcher; macOS takes the bundle's icon instead. */
export function mainWindowOptions(preload: string, { icon, devTools }: { icon?: string; devTools: boolean }): BrowserWindowConstructorOptions {
  return {
    title: 'Gatekey',
    ...(icon ? { icon } : {}),
    width: 1200,
    height: 800,
    minWidth: 800,
    minHeight: 560,
    // Shown on ready-to-show, so the user never sees an empty frame.
    show: false,
    webPreferences: secureWebPreferences(preload, { devTools }),
  };
}
