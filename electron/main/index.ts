import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import { jdAccountKeychainService, KEYCHAIN_SERVICE } from '../core/app-identity';
import { createBackend, type Backend } from '../ipc/backend';
import { keytarSecretStore } from '../storage/keytar-secret-store';
import { utilityWorkerLauncher } from './keychain-worker';
import { aboutPanelOptions } from './about-panel';
import { APP_SCHEME_PRIVILEGES } from './app-protocol';
import { installAppShell } from './app-shell';
import { electronClipboard } from './clipboard';
import { electronFileDialogs } from './file-dialogs';
import { trackUserActivation, type UserActivation } from './external-links';
import { hardenSession, hardenWebContents } from './hardening';
import { nativeConfirm } from './native-confirm';
import { appPaths } from './paths';
import { forwardEvents, registerIpc } from './register-ipc';
import { isTrustedSender } from './trusted-sender';
import { createMainWindow } from './window';


// main.cjs sits in dist/electron/, beside preload.cjs and below dist/renderer/.
const paths = appPaths(__dirname);

let mainWindow: BrowserWindow | undefined;
let mainWebContentsId: number | undefined;
// Real clicks and key presses in the app window: each lets one test call go without main's own question.
let sendActivation: UserActivation | undefined;

function openMainWindow(): void {
  const window = createMainWindow(paths, { packaged: app.isPackaged });
  mainWindow = window;
  mainWebContentsId = window.webContents.id;
  sendActivation = trackUserActivation(window.webContents);
  window.on('closed', () => {
    if (mainWindow !== window) return;
    mainWindow = undefined;
    mainWebContentsId = undefined;
    sendActivation = undefined;
  });
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  installAppShell(paths, { packaged: app.isPackaged });
  app.setAboutPanelOptions(aboutPanelOptions(app.getVersion(), paths.windowIcon));
  const backend = await createBackend({
    dataDir: app.getPath('userData'),
    secrets: keytarSecretStore(KEYCHAIN_SERVICE, { launchWorker: utilityWorkerLauncher(__dirname) }),
    // The JD Cloud account's SecretKey: a keychain service of its own, never among the APISecrets.
    accountSecrets: keytarSecretStore(jdAccountKeychainService(), { launchWorker: utilityWorkerLauncher(__dirname) }),
    clipboard: electronClipboard(),
    desktop: {
      showItemInFolder: (path) => shell.showItemInFolder(path),
      ...electronFileDialogs,
      confirm: nativeConfirm(() => mainWindow),
      consumeUserActivation: () => sendActivation?.consume() ?? false,
    },
    version: app.getVersion(),
  });
  registerIpc(ipcMain, {
    dispatch: backend.dispatch,
    isTrusted: (event) => isTrustedSender(event, { webContentsId: mainWebContentsId }),
  });
  forwardEvents(backend.events, () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : undefined));
  openMainWindow();
  quitAfter(backend);
  // macOS keeps the app running without windows; the dock icon brings one back.
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
}

/**
 * Holds the quit until the backend has saved, cleared a copied secret and
 * released the data folder; with changes that could not be saved, asks first.
 */
function quitAfter(backend: Backend): void {
  let done = false;
  app.on('before-quit', (event) => {
    if (done) return;
    event.preventDefault();
    void (async () => {
      const saved = await backend.store.flush().catch(() => false);
      const state = backend.store.status.state;
      if (!saved && (state === 'ok' || state === 'conflict') && !confirmQuitUnsaved()) return;
      done = true;
      await backend.shutdown().catch((error: unknown) => console.error('Gatekey: shutdown failed', error instanceof Error ? error.name : 'error'));
      app.quit();
    })();
  });
}

function confirmQuitUnsaved(): boolean {
  const choice = dialog.showMessageBoxSync({
    type: 'warning',
    buttons: ['Keep Gatekey open', 'Quit anyway'],
    defaultId: 0,
    cancelId: 0,
    message: 'Some changes are not saved yet',
    detail: 'Gatekey could not write its data file (see the warning in the window). If you quit now, those changes are lost; your APISecrets stay in the keychain.',
  });
  return choice === 1;
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
  // Before 'ready', as Electron requires: app:// gets an origin of its own (see app-protocol.ts).
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, { packaged: app.isPackaged }));
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
