import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { forwardEvents, handleIpc, registerIpc, type EventReceiver, type IpcGate } from '../../../electron/main/register-ipc';
import { APP_INDEX_URL } from '../../../electron/main/app-protocol';
import { channelOf, EVENT_CHANNEL, methods, type MainEvent } from '../../../electron/ipc/contract';
import { createMainEvents } from '../../../electron/ipc/main-events';
import type { Dispatch } from '../../../electron/ipc/dispatch';

// No 'electron' mock needed: registerIpc takes ipcMain as an argument.
const someEvent = { sender: { id: 1 } } as unknown as IpcMainInvokeEvent;

function gate(trusted: boolean | (() => boolean)) {
  const dispatch = vi.fn<Dispatch>(async (method) => ({ ok: true, data: { answered: method } }));
  const isTrusted = vi.fn(typeof trusted === 'function' ? trusted : () => trusted);
  return { dispatch, isTrusted } satisfies IpcGate;
}

function fakeIpcMain() {
  const handlers = new Map<string, (event: IpcMainInvokeEvent, payload: unknown) => unknown>();
  const handle = vi.fn((channel: string, listener: (event: IpcMainInvokeEvent, payload: unknown) => unknown) => {
    handlers.set(channel, listener);
  });
  return { handle, handlers };
}

describe('registerIpc', () => {
  it('registers exactly one handler per method, on its channel', () => {
    const ipc = fakeIpcMain();
    registerIpc(ipc, gate(true));
    expect(ipc.handle).toHaveBeenCalledTimes(methods.length);
    expect(ipc.handle.mock.calls.map(([channel]) => channel).sort()).toEqual(methods.map(channelOf).sort());
  });

  it('routes each channel to its own method with the payload unchanged', async () => {
    const ipc = fakeIpcMain();
    const g = gate(true);
    registerIpc(ipc, g);
    for (const method of methods) {
      const payload = { id: `payload-of-${method}` };
      await expect(ipc.handlers.get(channelOf(method))!(someEvent, payload)).resolves.toEqual({ ok: true, data: { answered: method } });
      expect(g.dispatch).toHaveBeenLastCalledWith(method, payload);
      expect(g.isTrusted).toHaveBeenLastCalledWith(someEvent);
    }
  });
});

describe('handleIpc', () => {
  it("returns dispatch's result for a trusted sender", async () => {
    const g = gate(true);
    g.dispatch.mockResolvedValueOnce({ ok: false, error: { code: 'NOT_FOUND', message: 'gone' } });
    await expect(handleIpc(someEvent, 'accessKeys.get', { id: 'x' }, g)).resolves.toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'gone' } });
    expect(g.dispatch).toHaveBeenCalledWith('accessKeys.get', { id: 'x' });
  });

  it('refuses an untrusted sender with FORBIDDEN_SENDER and never dispatches', async () => {
    const g = gate(false);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const reply = await handleIpc(someEvent, 'accessKeys.revealSecret', { id: 'secret-id' }, g);
    expect(reply).toEqual({ ok: false, error: { code: 'FORBIDDEN_SENDER', message: expect.any(String), reason: 'forbiddenSender', params: {} } });
    expect(g.dispatch).not.toHaveBeenCalled();
    expect(JSON.stringify(warn.mock.calls)).not.toContain('secret-id');
    warn.mockRestore();
  });

  it('treats a trust check that throws as untrusted', async () => {
    const g = gate(() => {
      throw new Error('Object has been destroyed');
    });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(handleIpc(someEvent, 'accessKeys.query', {}, g)).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(g.dispatch).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });
});

describe('forwardEvents', () => {
  const event: MainEvent = { type: 'dataChanged', data: { topics: [], elsewhere: false } };

  /** A stand-in for the window's WebContents: reading mainFrame after destruction throws, as in Electron. */
  function fakeContents(url: string, destroyed = false) {
    const send = vi.fn();
    const contents: EventReceiver = {
      send,
      isDestroyed: () => destroyed,
      get mainFrame() {
        if (destroyed) throw new Error('Object has been destroyed');
        return { url };
      },
    };
    return { contents, send };
  }

  it('sends to the app window while it shows the app page', () => {
    const events = createMainEvents();
    const app = fakeContents(`${APP_INDEX_URL}?x=1#top`);
    forwardEvents(events, () => app.contents);
    events.emit(event);
    expect(app.send).toHaveBeenCalledExactlyOnceWith(EVENT_CHANNEL, event);
  });

  it('sends nothing to a destroyed window, a window on another page, or no window', () => {
    const log = vi.fn();
    const events = createMainEvents(log);
    const destroyed = fakeContents(APP_INDEX_URL, true);
    const elsewhere = fakeContents('https://example.com/index.html');
    const otherAppPage = fakeContents('app://gatekey/other.html');
    const targets = [destroyed.contents, elsewhere.contents, otherAppPage.contents, undefined];
    let next = 0;
    forwardEvents(events, () => targets[next++]);
    for (let i = 0; i < targets.length; i++) events.emit(event);
    expect(next).toBe(targets.length);
    expect(destroyed.send).not.toHaveBeenCalled();
    expect(elsewhere.send).not.toHaveBeenCalled();
    expect(otherAppPage.send).not.toHaveBeenCalled();
    // Nothing threw: the destroyed window's mainFrame was never read.
    expect(log).not.toHaveBeenCalled();
  });

  it('stops sending once unsubscribed', () => {
    const events = createMainEvents();
    const app = fakeContents(APP_INDEX_URL);
    forwardEvents(events, () => app.contents)();
    events.emit(event);
    expect(app.send).not.toHaveBeenCalled();
  });
});
