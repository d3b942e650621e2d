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
  /** Startup: status, then the list; the keychain check runs afterwards without blocking. */
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
    // Reconciling walks the whole keychain and may be slow: never make the list wait for it.
    if (!get().storeReadOnly()) void get().reconcileKeychain();
  },
});
