import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/csp';
import { channelOf, methods } from '../../../electron/ipc/contract';
import { createFakeElectron, FakeBrowserWindow, FakeWebContents, type FakeElectron } from './fake-electron';

// The Electron binary cannot be installed here (and requiring the real package
// without it starts a download), so this Electron-only lifecycle test mocks
// 'electron'. Everything behind it (backend, store on disk) is real.
const holder = vi.hoisted(() => ({ fake: undefined as unknown as FakeElectron }));
vi.mock('electron', () => ({
  get app() { return holder.fake.app; },
  get BrowserWindow() { return holder.fake.BrowserWindow; },
  get ipcMain() { return holder.fake.ipcMain; },
  get session() { return holder.fake.session; },
  get dialog() { return holder.fake.dialog; },
  get clipboard() { return holder.fake.clipboard; },
  get shell() { return holder.fake.shell; },
  get protocol() { return holder.fake.protocol; },
  get Menu() { return holder.fake.Menu; },
}));

let userData: string;

async function startApp(options: { gotLock?: boolean; packaged?: boolean } = {}): Promise<FakeElectron> {
  holder.fake = createFakeElectron({ userData, ...options });
  FakeBrowserWindow.all = [];
  vi.resetModules();
  await import('../../../electron/main/index');
  return holder.fake;
}

async function readyApp(options: { packaged?: boolean } = {}): Promise<{ fake: FakeElectron; window: FakeBrowserWindow }> {
  const fake = await startApp(options);
  await vi.waitFor(() => expect(FakeBrowserWindow.all).toHaveLength(1));
  return { fake, window: FakeBrowserWindow.all[0]! };
}

/** An IPC event as Electron builds it, from `contents`' main frame showing `url`. */
const eventFrom = (contents: { id: number }, url: string, parent: unknown = null) => ({ sender: contents, senderFrame: { url, parent } });

const loadedUrl = (window: FakeBrowserWindow) => window.loadURL.mock.calls[0]![0];

beforeEach(async () => {
  userData = await mkdtemp(join(tmpdir(), 'gatekey-main-test-'));
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(async () => {
  vi.restoreAllMocks();
  await rm(userData, { recursive: true, force: true });
});

describe('single instance', () => {
  it('quits at once, registering nothing, when another instance holds the lock', async () => {
    const fake = await startApp({ gotLock: false });
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fake.app.whenReady).not.toHaveBeenCalled();
    expect(fake.ipcMain.handle).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.all).toHaveLength(0);
  });

  it('restores and focuses the window when a second instance starts', async () => {
    const { fake, window } = await readyApp();
    window.minimized = true;
    fake.app.emit('second-instance');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(window.isMinimized()).toBe(false);
  });
});

describe('when ready', () => {
  it('enables the sandbox for every renderer', async () => {
    const { fake } = await readyApp();
    expect(fake.app.enableSandbox).toHaveBeenCalled();
  });

  it('fills the native About panel (macOS menu) with name, version, licence and the app icon', async () => {
    const { fake } = await readyApp();
    expect(fake.app.setAboutPanelOptions).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ applicationName: 'Gatekey', applicationVersion: '9.9.9', copyright: 'MIT licence', iconPath: expect.stringMatching(/resources[\\/]icons[\\/]512x512\.png$/) }),
    );
  });

  it('opens one window on app://gatekey/index.html, never a file: or remote URL', async () => {
    const { window } = await readyApp();
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith('app://gatekey/index.html');
    expect(window.loadFile).not.toHaveBeenCalled();
    expect((window.options.webPreferences as { preload: string }).preload).toMatch(/[\\/]preload\.cjs$/);
  });

  it('registers app:// as a privileged scheme before ready, then serves only the renderer folder on it', async () => {
    const fake = await startApp();
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(fake.protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]).toBeLessThan(fake.app.whenReady.mock.invocationCallOrder[0]!);
    await vi.waitFor(() => expect(FakeBrowserWindow.all).toHaveLength(1));
    expect(fake.protocol.handle).toHaveBeenCalledOnce();
    const serve = fake.protocolHandlers.get('app')!;
    for (const url of ['app://gatekey/%2e%2e%2f%2e%2e%2fpackage.json', 'app://gatekey/../../package.json', 'app://other/index.html']) {
      expect((await serve(new Request(url))).status, url).toBe(404);
    }
  });

  it('replaces the default menu; a packaged build has no Reload, no DevTools menu items and DevTools off', async () => {
    const { fake, window } = await readyApp({ packaged: true });
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalledOnce();
    const menu = JSON.stringify(fake.Menu.setApplicationMenu.mock.calls[0]![0]);
    for (const role of ['undo', 'copy', 'paste', 'about', 'quit']) expect(menu).toContain(`"role":"${role}"`);
    for (const role of ['reload', 'forceReload', 'toggleDevTools']) expect(menu).not.toContain(`"role":"${role}"`);
    expect(window.options.webPreferences).toMatchObject({ devTools: false });
  });

  it('keeps Reload and DevTools in development builds', async () => {
    const { fake, window } = await readyApp({ packaged: false });
    expect(JSON.stringify(fake.Menu.setApplicationMenu.mock.calls[0]![0])).toContain('"role":"toggleDevTools"');
    expect(window.options.webPreferences).toMatchObject({ devTools: true });
  });

  it('registers one handler per method, answering the window and refusing anyone else', async () => {
    const { fake, window } = await readyApp();
    expect([...fake.handles.keys()].sort()).toEqual(methods.map(channelOf).sort());
    const getAppStatus = fake.handles.get(channelOf('app.getStatus'))!;

    const fromWindow = await getAppStatus(eventFrom(window.webContents, loadedUrl(window)), {});
    expect(fromWindow).toMatchObject({ ok: true, data: { version: '9.9.9', store: { state: 'ok', file: join(userData, 'gatekey-store.json') } } });

    const fromElsewhere = await getAppStatus(eventFrom(new FakeWebContents(), loadedUrl(window)), {});
    expect(fromElsewhere).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    const fromSubframe = await getAppStatus(eventFrom(window.webContents, loadedUrl(window), {}), {});
    expect(fromSubframe).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  });

  it('trusts a window re-created on activate, and no longer the closed one', async () => {
    const { fake, window } = await readyApp();
    const url = loadedUrl(window);
    window.close();
    fake.app.emit('activate');
    expect(FakeBrowserWindow.all).toHaveLength(2);
    const second = FakeBrowserWindow.all[1]!;
    fake.app.emit('activate');
    expect(FakeBrowserWindow.all).toHaveLength(2);

    const getAppStatus = fake.handles.get(channelOf('app.getStatus'))!;
    expect(await getAppStatus(eventFrom(second.webContents, url), {})).toMatchObject({ ok: true });
    expect(await getAppStatus(eventFrom(window.webContents, url), {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  });
});

describe('hardening', () => {
  it('denies navigation, redirects, webviews and new windows in every web contents', async () => {
    const { fake } = await readyApp();
    const contents = new FakeWebContents();
    fake.app.emit('web-contents-created', {}, contents);
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = { preventDefault: vi.fn() };
      contents.emit(name, event, 'https://example.com/');
      expect(event.preventDefault, name).toHaveBeenCalled();
    }
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(fake.shell.openExternal).not.toHaveBeenCalled();
  });

  it("sends an https: link the user clicked to the system browser, and nothing else", async () => {
    const { fake, window } = await readyApp();
    fake.app.emit('web-contents-created', {}, window.webContents);
    const click = () => window.webContents.emit('input-event', {}, { type: 'mouseDown' });
    click();
    expect(window.webContents.windowOpenHandler?.({ url: 'file:///etc/passwd', disposition: 'foreground-tab' })).toEqual({ action: 'deny' });
    click();
    expect(window.webContents.windowOpenHandler?.({ url: 'https://example.com/docs', disposition: 'foreground-tab' })).toEqual({ action: 'deny' });
    expect(fake.shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://example.com/docs');
  });

  it('refuses every permission request and check', async () => {
    const { fake } = await readyApp();
    const { setPermissionRequestHandler, setPermissionCheckHandler } = fake.session.defaultSession;
    const onRequest = setPermissionRequestHandler.mock.calls[0]![0] as (wc: unknown, permission: string, cb: (granted: boolean) => void) => void;
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation']) {
      const callback = vi.fn();
      onRequest({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    const onCheck = setPermissionCheckHandler.mock.calls[0]![0] as (...args: unknown[]) => boolean;
    expect(onCheck({}, 'clipboard-sanitized-write', 'file://', {})).toBe(false);
  });

  it('swallows Ctrl+R, F5 and Ctrl+Shift+I in packaged builds', async () => {
    const { fake } = await readyApp({ packaged: true });
    const contents = new FakeWebContents();
    fake.app.emit('web-contents-created', {}, contents);
    for (const input of [{ key: 'r', control: true }, { key: 'F5' }, { key: 'I', control: true, shift: true }]) {
      const event = { preventDefault: vi.fn() };
      contents.emit('before-input-event', event, { type: 'keyDown', control: false, meta: false, shift: false, alt: false, ...input });
      expect(event.preventDefault, input.key).toHaveBeenCalled();
    }
  });

  it('sends the CSP header with app files', async () => {
    const { fake } = await readyApp();
    const onHeaders = fake.session.defaultSession.webRequest.onHeadersReceived.mock.calls[0]![0] as (
      details: { url: string; responseHeaders?: Record<string, string[]> },
      cb: (response: { responseHeaders?: Record<string, string[]> }) => void,
    ) => void;
    const callback = vi.fn();
    onHeaders({ url: 'app://gatekey/index.html', responseHeaders: { 'content-security-policy': ["default-src *"] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
});

describe('a compromised window meets main’s own dialog', () => {
  it('deleting a keychain entry shows a native box on the app window; Cancel changes nothing', async () => {
    const { fake, window } = await readyApp();
    const deleteOrphan = fake.handles.get(channelOf('keychain.deleteOrphan'))!;
    const result = await deleteOrphan(eventFrom(window.webContents, loadedUrl(window)), { account: 'b0b0b0b0b0b0' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_CONFIRMED' } });
    expect(fake.dialog.showMessageBox).toHaveBeenCalledOnce();
    const [parent, options] = fake.dialog.showMessageBox.mock.calls[0]! as [unknown, { message: string; buttons: string[]; cancelId: number }];
    expect(parent).toBe(window);
    expect(options).toMatchObject({ message: expect.stringContaining('b0b0b0b0b0b0'), buttons: ['Cancel', 'Delete entry'], cancelId: 0, defaultId: 0 });
  });

  it('a test call goes without asking only right after a real click, one send per click', async () => {
    let hits = 0;
    const server = createServer((_request, response) => {
      hits += 1;
      response.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { fake, window } = await readyApp();
      const send = fake.handles.get(channelOf('testCall.send'))!;
      const input = {
        credentials: { kind: 'manual', apiKey: 'A'.repeat(32), secret: 'manual-secret' },
        algorithm: 'JDCLOUD2',
        method: 'GET',
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/items`,
        headers: [],
        body: '',
        region: 'cn-north-1',
        service: 'items',
      };
      const fromWindow = () => send(eventFrom(window.webContents, loadedUrl(window)), input);

      expect(await fromWindow()).toMatchObject({ ok: false, error: { code: 'NOT_CONFIRMED' } });
      expect(fake.dialog.showMessageBox).toHaveBeenCalledTimes(1);
      expect(hits).toBe(0);

      window.webContents.emit('input-event', {}, { type: 'mouseUp' });
      const sent = await fromWindow();
      expect(sent, JSON.stringify(sent)).toMatchObject({ ok: true, data: { response: { status: 200 } } });
      expect(hits).toBe(1);
      expect(fake.dialog.showMessageBox).toHaveBeenCalledTimes(1);

      // The click is used up: the next send is asked again.
      expect(await fromWindow()).toMatchObject({ ok: false, error: { code: 'NOT_CONFIRMED' } });
      expect(fake.dialog.showMessageBox).toHaveBeenCalledTimes(2);
      expect(hits).toBe(1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }, 60_000);
});

describe('closing', () => {
  const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
  afterEach(() => Object.defineProperty(process, 'platform', platform));

  it('quits when the last window closes, except on macOS', async () => {
    const { fake } = await readyApp();
    Object.defineProperty(process, 'platform', { ...platform, value: 'darwin' });
    fake.app.emit('window-all-closed');
    expect(fake.app.quit).not.toHaveBeenCalled();
    Object.defineProperty(process, 'platform', { ...platform, value: 'linux' });
    fake.app.emit('window-all-closed');
    expect(fake.app.quit).toHaveBeenCalled();
  });
});
