import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { handleIpc, registerIpc, type IpcGate } from '../../../electron/main/register-ipc';
import { channelOf, methods } from '../../../electron/ipc/contract';
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
    await expect(handleIpc(someEvent, 'accessKeys.list', {}, g)).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(g.dispatch).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });
});
