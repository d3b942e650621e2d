import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { appPaths } from '../../../electron/main/paths';
import { FakeBrowserWindow } from './fake-electron';

// The Electron binary cannot be installed here (requiring the real package
// without it starts a download), so this Electron-only test mocks 'electron'.
vi.mock('electron', async () => ({ BrowserWindow: (await import('./fake-electron')).FakeBrowserWindow }));

const { createMainWindow } = await import('../../../electron/main/window');

const paths = appPaths('/opt/Gatekey/resources/app.asar/dist/electron');

describe('appPaths', () => {
  it('finds preload.cjs beside main.cjs and the renderer in dist/renderer', () => {
    expect(paths.preload).toMatch(/dist[\\/]electron[\\/]preload\.cjs$/);
    expect(paths.rendererDir).toBe(join('/opt/Gatekey/resources/app.asar', 'dist', 'renderer'));
  });

  it('finds the window icon in resources/icons, two levels up (the repo in development, app.asar when packaged)', () => {
    expect(paths.windowIcon).toBe(join('/opt/Gatekey/resources/app.asar', 'resources', 'icons', '512x512.png'));
    const fromBuild = appPaths(fileURLToPath(new URL('../../../dist/electron', import.meta.url)));
    expect(existsSync(fromBuild.windowIcon), fromBuild.windowIcon).toBe(true);
  });
});

describe('createMainWindow', () => {
  it('uses locked-down webPreferences and the bundled preload', () => {
    const window = createMainWindow(paths, { packaged: true }) as unknown as FakeBrowserWindow;
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: paths.preload,
    });
    expect((window.options.webPreferences as { preload: string }).preload).toMatch(/preload\.cjs$/);
  });

  it('sets exactly these webPreferences: nothing loosened, nothing added unreviewed', () => {
    // A new key (enableBlinkFeatures, experimentalFeatures, additionalArguments, ...) must be added here on purpose.
    // devTools was added on purpose (issue 11): off in packaged builds.
    const window = createMainWindow(paths, { packaged: true }) as unknown as FakeBrowserWindow;
    expect(window.options.webPreferences).toStrictEqual({
      preload: paths.preload,
      devTools: false,
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
    });
  });

  it('has DevTools only in development builds', () => {
    const packaged = createMainWindow(paths, { packaged: true }) as unknown as FakeBrowserWindow;
    const development = createMainWindow(paths, { packaged: false }) as unknown as FakeBrowserWindow;
    expect(packaged.options.webPreferences).toMatchObject({ devTools: false });
    expect(development.options.webPreferences).toMatchObject({ devTools: true });
  });

  it('loads the page from app://gatekey/, never from file:// or a remote URL', () => {
    const window = createMainWindow(paths, { packaged: true }) as unknown as FakeBrowserWindow;
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith('app://gatekey/index.html');
    expect(window.loadFile).not.toHaveBeenCalled();
  });

  it('is titled Gatekey, has the app icon and shows only once ready', () => {
    const window = createMainWindow(paths, { packaged: true }) as unknown as FakeBrowserWindow;
    expect(window.options).toMatchObject({ title: 'Gatekey', show: false, icon: paths.windowIcon });
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });
});
