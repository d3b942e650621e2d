import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron';
import { KEYCHAIN_SERVICE } from '../core/app-identity';
import { createBackend } from '../ipc/backend';
import { keytarSecretStore } from '../storage/keytar-secret-store';
import { aboutPanelOptions } from './about-panel';
import { electronClipboard } from './clipboard';
import { electronFileDialogs } from './file-dialogs';
import { hardenSession, hardenWebContents } from './hardening';
import { appPaths } from './paths';
import { registerIpc } from './register-ipc';
import { isTrustedSender } from './trusted-sender';
import { createMainWindow } from './window';


// main.cjs sits in dist/electron/, beside preload.cjs and below dist/renderer/.
const paths = appPaths(__dirname);

let mainWindow: BrowserWindow | undefined;
let mainWebContentsId: number | undefined;

function openMainWindow(): void {
  const window = createMainWindow(paths);
  mainWindow = window;
  mainWebContentsId = window.webContents.id;
  window.on('closed', () => {
    if (mainWindow !== window) return;
    mainWindow = undefined;
    mainWebContentsId = undefined;
  });
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  app.setAboutPanelOptions(aboutPanelOptions(app.getVersion(), paths.windowIcon));
  const { dispatch, shutdown } = await createBackend({
    dataDir: app.getPath('userData'),
    secrets: keytarSecretStore(KEYCHAIN_SERVICE),
    clipboard: electronClipboard(),
    desktop: { showItemInFolder: (path) => shell.showItemInFolder(path), ...electronFileDialogs },
    version: app.getVersion(),
  });
  registerIpc(ipcMain, {
    dispatch,
    isTrusted: (event) => isTrustedSender(event, { webContentsId: mainWebContentsId, rendererIndex: paths.rendererIndex }),
  });
  openMainWindow();
  quitAfter(shutdown);
  // macOS keeps the app running without windows; the dock icon brings one back.
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
}

/** Holds the quit until the backend has cleared a copied secret, saved and released the data folder. */
function quitAfter(shutdown: () => Promise<void>): void {
  let done = false;
  app.on('before-quit', (event) => {
    if (done) return;
    event.preventDefault();
    done = true;
    void shutdown()
      .catch((error: unknown) => console.error('Gatekey: shutdown failed', error instanceof Error ? error.name : 'error'))
      .finally(() => app.quit());
  });
}

function failedToStart(error: unknown): void {
  console.error('Gatekey: failed to start', error);
  dialog.showErrorBox('Gatekey could not start', error instanceof Error ? error.message : String(error));
  app.exit(1);
}

if (!app.requestSingleInstanceLock()) {
  // Another Gatekey is running; it gets the 'second-instance' event and shows itself.
  app.quit();
} else {
  // Every renderer sandboxed, whatever its webPreferences say.
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.whenReady().then(start).catch(failedToStart);
}
