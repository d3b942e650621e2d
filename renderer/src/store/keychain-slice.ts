import type { StateCreator } from 'zustand';
import type { ReconcileReport } from '../../../electron/core/access-keys/types';
import { api, type IpcError } from '../api';
import type { AppState } from './types';

export type ReconcileState =
  | { status: 'idle' | 'running' }
  | { status: 'done'; report: ReconcileReport }
  | { status: 'failed'; error: IpcError };

export interface KeychainSlice {
  reconcile: ReconcileState;
  reconcileNoticeDismissed: boolean;
  /**
   * Compares keychain and store; afterwards the list carries each key's secret
   * status. `includeOrphans` forces the slow whole-keychain scan (Health);
   * without it main skips that scan for large keychains.
   */
  reconcileKeychain(options?: { includeOrphans?: boolean }): Promise<void>;
  dismissReconcileNotice(): void;
}

export const createKeychainSlice: StateCreator<AppState, [], [], KeychainSlice> = (set, get) => ({
  reconcile: { status: 'idle' },
  reconcileNoticeDismissed: false,

  async reconcileKeychain(options) {
    set({ reconcile: { status: 'running' }, reconcileNoticeDismissed: false });
    const result = await api.reconcileKeychain(options?.includeOrphans);
    if (!result.ok) {
      set({ reconcile: { status: 'failed', error: result.error } });
      return;
    }
    // Refresh first, so the notice and the "secret missing" badges appear together.
    await get().loadAccessKeys({ quiet: true });
    set({ reconcile: { status: 'done', report: result.data } });
  },

  dismissReconcileNotice: () => set({ reconcileNoticeDismissed: true }),
});
