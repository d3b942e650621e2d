import type { StateCreator } from 'zustand';
import type { AppStatus } from '../../../electron/ipc/contract';
import { api, type IpcError } from '../api';
import type { AppState } from './types';

export interface AppStatusSlice {
  appStatus: AppStatus | null;
  appStatusError: IpcError | null;
  loadAppStatus(): Promise<void>;
  /** True when the data file could not be read: Gatekey then only shows, never writes. */
  storeReadOnly(): boolean;
  /** Startup: status, then the list; the keychain's state and check follow without blocking. */
  start(): Promise<void>;
}

export const createAppStatusSlice: StateCreator<AppState, [], [], AppStatusSlice> = (set, get) => ({
  appStatus: null,
  appStatusError: null,

  async loadAppStatus() {
    const result = await api.getAppStatus();
    if (result.ok) set({ appStatus: result.data, appStatusError: null });
    else set({ appStatusError: result.error });
  },

  // Anything but 'ok' (damaged file, another Gatekey writing, a conflict) means no writes.
  storeReadOnly: () => (get().appStatus ? get().appStatus!.store.state !== 'ok' : false),

  async start() {
    await get().loadAppStatus();
    await get().loadAccessKeys();
    // Reconciling walks the whole keychain and may be slow, and a locked keychain must not keep
    // anything from showing: never make the list wait for it.
    void get().recheckKeychain();
  },
});
