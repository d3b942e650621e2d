import { Menu, protocol } from 'electron';
import { APP_SCHEME, serveAppRequest } from './app-protocol';
import { appMenuTemplate } from './app-menu';
import type { AppPaths } from './paths';

/**
 * After 'ready': serves the renderer folder on app://gatekey/ and replaces
 * Electron's default menu (which has Reload and DevTools) with Gatekey's.
 * (The scheme itself is registered as privileged before 'ready', in index.ts.)
 */
export function installAppShell(paths: AppPaths, { packaged }: { packaged: boolean }): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, paths.rendererDir));
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ packaged, platform: process.platform })));
}
