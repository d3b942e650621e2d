import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/*
 * A stand-in for the 'electron' module, for tests of the Electron-only files
 * in electron/main and electron/preload. The Electron binary cannot be
 * installed on this machine, and requiring the real package without it starts
 * a download, so these tests (and only these) mock 'electron'. The fake keeps
 * every handler the code registers, so tests can call them and check replies.
 */

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  windowOpenHandler: ((details: unknown) => unknown) | undefined;
  setWindowOpenHandler(handler: (details: unknown) => unknown): void {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = [];
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.all.filter((window) => !window.destroyed);
  }
  readonly webContents = new FakeWebContents();
  destroyed = false;
  minimized = false;
  readonly loadFile = vi.fn(async (_path: string) => undefined);
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn(() => {
    this.minimized = false;
  });
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.all.push(this);
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  /** What closing does in Electron: destroyed, then 'closed'. */
  close(): void {
    this.destroyed = true;
    this.emit('closed');
  }
}

export function createFakeElectron(options: { userData: string; gotLock?: boolean; packaged?: boolean }) {
  const app = Object.assign(new EventEmitter(), {
    requestSingleInstanceLock: vi.fn(() => options.gotLock ?? true),
    quit: vi.fn(),
    exit: vi.fn(),
    enableSandbox: vi.fn(),
    whenReady: vi.fn(() => Promise.resolve()),
    getPath: vi.fn((name: string) => (name === 'userData' ? options.userData : `/nonexistent/${name}`)),
    getVersion: vi.fn(() => '9.9.9'),
    setAboutPanelOptions: vi.fn(),
    isPackaged: options.packaged ?? false,
  });
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const protocol = {
    registerSchemesAsPrivileged: vi.fn(),
    handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
      protocolHandlers.set(scheme, handler);
    }),
  };
  const Menu = {
    // The built menu is the template itself: tests read its items.
    buildFromTemplate: vi.fn((template: unknown[]) => ({ items: template })),
    setApplicationMenu: vi.fn(),
  };
  const handles = new Map<string, (event: unknown, payload: unknown) => unknown>();
  const ipcMain = {
    handle: vi.fn((channel: string, listener: (event: unknown, payload: unknown) => unknown) => {
      if (handles.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handles.set(channel, listener);
    }),
  };
  const defaultSession = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    webRequest: { onHeadersReceived: vi.fn() },
  };
  let clipboardText = '';
  const clipboard = {
    readText: vi.fn(async () => clipboardText),
    writeText: vi.fn(async (text: string) => {
      clipboardText = text;
    }),
  };
  return {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain,
    handles,
    session: { defaultSession },
    protocol,
    protocolHandlers,
    Menu,
    // showMessageBox answers "Cancel" (button 0) unless a test scripts another answer.
    dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })) },
    clipboard,
    shell: { showItemInFolder: vi.fn(), openExternal: vi.fn(async (_url: string) => undefined) },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
