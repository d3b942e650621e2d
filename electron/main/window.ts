import { BrowserWindow } from 'electron';
import { APP_INDEX_URL } from './app-protocol';
import type { AppPaths } from './paths';
import { mainWindowOptions } from './window-options';

/** The one app window. It loads the built renderer through app://gatekey/ (see app-protocol.ts), never a remote URL. */
export function createMainWindow(paths: AppPaths, { packaged }: { packaged: boolean }): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(paths.preload, { icon: paths.windowIcon, devTools: !packaged }));
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_INDEX_URL).catch((error: unknown) => {
    console.error(`Gatekey: could not load ${APP_INDEX_URL}`, error);
  });
  return window;
}
