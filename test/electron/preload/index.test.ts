import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { channelOf, channelTable, EVENT_CHANNEL, methods, type GatekeyApi, type MainEvent } from '../../../electron/ipc/contract';

// The built preload (dist/electron/preload.cjs, made by `npm run build` before the tests), run as
// Electron's sandbox runs it: a CommonJS function whose `require` knows only 'electron'. The
// Electron binary cannot be installed here, so 'electron' is this stand-in capturing what is exposed.
const built = fileURLToPath(new URL('../../../dist/electron/preload.cjs', import.meta.url));

const electron = {
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: {
    invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, data: { channel, input } })),
    on: vi.fn(),
    removeListener: vi.fn(),
  },
};

let api: GatekeyApi;
const required: string[] = [];

beforeAll(() => {
  const code = readFileSync(built, 'utf8');
  const module = { exports: {} };
  const sandboxRequire = (name: string) => {
    required.push(name);
    if (name !== 'electron') throw new Error(`the sandboxed preload cannot require "${name}"`);
    return electron;
  };
  new Function('require', 'module', 'exports', code)(sandboxRequire, module, module.exports);
  api = electron.contextBridge.exposeInMainWorld.mock.calls[0]![1] as GatekeyApi;
});

describe('preload bridge (as built)', () => {
  it('exposes one key, window.api, once, and requires nothing but electron', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(electron.contextBridge.exposeInMainWorld.mock.calls[0]![0]).toBe('api');
    expect(required).toEqual(['electron']);
  });

  it('has exactly the contract: one object per feature, one function per channel, plus events', () => {
    expect(Object.keys(api).sort()).toEqual([...Object.keys(channelTable), 'events'].sort());
    for (const [namespace, names] of Object.entries(channelTable)) {
      const feature = api[namespace as keyof typeof channelTable] as unknown as Record<string, unknown>;
      expect(Object.keys(feature).sort(), namespace).toEqual([...names].sort());
      for (const name of names) expect(typeof feature[name], `${namespace}.${name}`).toBe('function');
      expect(Object.isFrozen(feature)).toBe(true);
    }
    expect(Object.keys(api.events)).toEqual(['subscribe']);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it("invokes each method's own channel with the input unchanged", async () => {
    for (const method of methods) {
      const [namespace, name] = method.split('.') as [string, string];
      const input = { id: `input-of-${method}`, nested: { n: 1 } };
      const call = (api as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>)[namespace]![name]!;
      const reply = await call(input);
      expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(channelOf(method), input);
      expect(electron.ipcRenderer.invoke.mock.lastCall![1]).toBe(input);
      expect(reply).toEqual({ ok: true, data: { channel: channelOf(method), input } });
    }
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledTimes(methods.length);
  });

  it('hands the window only the event, never the IPC event with its sender, and unsubscribes', () => {
    const seen: MainEvent[] = [];
    const unsubscribe = api.events.subscribe((event) => seen.push(event));
    const [channel, forward] = electron.ipcRenderer.on.mock.lastCall as [string, (...args: unknown[]) => void];
    expect(channel).toBe(EVENT_CHANNEL);
    const event: MainEvent = { type: 'dataChanged', data: { topics: ['accessKeys'], elsewhere: true } };
    forward({ sender: { secretive: true }, ports: [] }, event);
    expect(seen).toEqual([event]);
    unsubscribe();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(EVENT_CHANNEL, forward);
  });
});
