import { BrowserWindow } from 'electron';
import type { AppPaths } from './paths';
import { mainWindowOptions } from './window-options';

/** The one app window. It loads the built renderer from disk, never a URL. */
export function createMainWindow(paths: AppPaths): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(paths.preload, paths.windowIcon));
  window.once('ready-to-show', () => window.show());
  window.loadFile(paths.rendererIndex).catch((error: unknown) => {
    console.error(`Gatekey: could not load ${paths.rendererIndex}`, error);
  });
  return window;
}
