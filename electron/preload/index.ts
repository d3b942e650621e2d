import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { GatekeyApi, MainEvent } from '../ipc/contract';
import type { BridgeTable } from '../ipc/bridge-table';

/*
 * The bridge, exposed as `window.api`: per feature, one named function per
 * channel, and one event subscription; nothing generic. This file runs in a
 * sandboxed renderer, where only 'electron' can be required, so it imports
 * nothing at runtime from the contract (that would pull zod in): the build
 * writes the contract's channel table in as __GATEKEY_BRIDGE__ (see
 * electron/vite.config.ts), so a new channel needs no change here.
 */
declare const __GATEKEY_BRIDGE__: BridgeTable;
const { prefix, eventChannel, channels } = __GATEKEY_BRIDGE__;

const feature = (namespace: string, names: readonly string[]) =>
  Object.freeze(Object.fromEntries(names.map((name) => [name, (input: unknown) => ipcRenderer.invoke(`${prefix}${namespace}.${name}`, input)])));

const events: GatekeyApi['events'] = {
  subscribe(listener) {
    // Only the event itself crosses: the IpcRendererEvent (sender, ports) stays here.
    const forward = (_event: IpcRendererEvent, message: MainEvent) => listener(message);
    ipcRenderer.on(eventChannel, forward);
    return () => {
      ipcRenderer.removeListener(eventChannel, forward);
    };
  },
};

const api = Object.freeze({
  ...Object.fromEntries(Object.entries(channels).map(([namespace, names]) => [namespace, feature(namespace, names)])),
  events: Object.freeze(events),
}) as unknown as GatekeyApi;

contextBridge.exposeInMainWorld('api', api);
