import { beforeAll, describe, expect, it, vi } from 'vitest';
import { channelOf, methods } from '../../../electron/ipc/contract';

// The preload only runs inside Electron, whose binary cannot be installed here
// (requiring the real package without it starts a download): this
// Electron-only test mocks 'electron' to capture what the preload exposes.
const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, data: { channel, input } })) },
}));
vi.mock('electron', () => electron);

let api: Record<string, unknown>;

beforeAll(async () => {
  await import('../../../electron/preload/index');
  api = electron.contextBridge.exposeInMainWorld.mock.calls[0]![1] as Record<string, unknown>;
});

describe('preload bridge', () => {
  it('exposes one key, window.api, once', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(electron.contextBridge.exposeInMainWorld.mock.calls[0]![0]).toBe('api');
  });

  it('has exactly one function per contract method, nothing else', () => {
    expect(Object.keys(api).sort()).toEqual([...methods].sort());
    for (const method of methods) expect(typeof api[method], method).toBe('function');
  });

  it("invokes each method's own channel with the input unchanged", async () => {
    for (const method of methods) {
      const input = { id: `input-of-${method}`, nested: { n: 1 } };
      const reply = await (api[method] as (input: unknown) => Promise<unknown>)(input);
      expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(channelOf(method), input);
      expect(electron.ipcRenderer.invoke.mock.lastCall![1]).toBe(input);
      expect(reply).toEqual({ ok: true, data: { channel: channelOf(method), input } });
    }
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledTimes(methods.length);
  });
});
