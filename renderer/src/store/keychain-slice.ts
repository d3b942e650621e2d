import type { StateCreator } from 'zustand';
import type { ReconcileReport } from '../../../electron/core/access-keys/types';
import { api, type IpcError } from '../api';
import { isUnreadable, keychainStateOf, type KeychainState } from '../keychain-state';
import type { AppState } from './types';

export type ReconcileState =
  | { status: 'idle' | 'running' }
  | { status: 'done'; report: ReconcileReport }
  | { status: 'failed'; error: IpcError };

export interface KeychainSlice {
  reconcile: ReconcileState;
  reconcileNoticeDismissed: boolean;
  /**
   * What main last said about the keychain: from `getKeychainState`, a
   * reconcile report, or a keychain call that failed. null until known.
   */
  keychain: KeychainState | null;
  /** A "Check again" is running (state, then reconcile): its buttons say "Checking…". */
  keychainChecking: boolean;
  /**
   * Compares keychain and store; afterwards the list carries each key's secret
   * status. `includeOrphans` forces the slow whole-keychain scan (Health);
   * without it main skips that scan for large keychains.
   */
  reconcileKeychain(options?: { includeOrphans?: boolean }): Promise<void>;
  /** "Check again": the keychain's state first (cheap), then a reconcile so every key's status follows. */
  recheckKeychain(options?: { includeOrphans?: boolean }): Promise<void>;
  /**
   * A keychain call (Show, Copy, a Test Call) failed. SECRET_MISSING marks that key missing; a locked,
   * slow or absent keychain marks it unreadable (never missing) and shows in the notice.
   */
  noteKeychainError(error: IpcError, accessKeyId?: string): void;
  dismissReconcileNotice(): void;
}

export const createKeychainSlice: StateCreator<AppState, [], [], KeychainSlice> = (set, get) => {
  /** Says so when a keychain that could not be read can be read again. */
  function learn(keychain: KeychainState) {
    const before = get().keychain;
    set({ keychain });
    if (isUnreadable(before) && keychain.state === 'ready') get().showToast('The OS keychain can be read again');
  }

  return {
    reconcile: { status: 'idle' },
    reconcileNoticeDismissed: false,
    keychain: null,
    keychainChecking: false,

    async reconcileKeychain(options) {
      set({ reconcile: { status: 'running' }, reconcileNoticeDismissed: false });
      const result = await api.reconcileKeychain(options?.includeOrphans);
      if (!result.ok) {
        const keychain = keychainStateOf(result.error);
        if (keychain) learn(keychain);
        set({ reconcile: { status: 'failed', error: result.error } });
        return;
      }
      // Refresh first, so the notice and the badges ("secret missing", "keychain locked") appear together.
      await get().loadAccessKeys({ quiet: true });
      learn(result.data.keychain);
      set({ reconcile: { status: 'done', report: result.data } });
    },

    async recheckKeychain(options) {
      set({ reconcileNoticeDismissed: false, keychainChecking: true });
      try {
        const state = await api.getKeychainState();
        // A read-only instance never reconciles (start-up skips it too); the state alone is all it can learn.
        if (get().storeReadOnly()) {
          if (state.ok) learn(state.data);
          return;
        }
        // Unreadable shows at once; readable again waits for the reconcile, so the notice and the
        // badges change together.
        if (state.ok && state.data.state !== 'ready') learn(state.data);
        await get().reconcileKeychain(options);
      } finally {
        set({ keychainChecking: false });
      }
    },

    noteKeychainError(error, accessKeyId) {
      if (error.code === 'SECRET_MISSING' && accessKeyId) get().setSecretStatus(accessKeyId, 'missing');
      const keychain = keychainStateOf(error);
      if (!keychain) return;
      if (accessKeyId) get().setSecretStatus(accessKeyId, 'unreadable');
      set({ reconcileNoticeDismissed: false });
      learn(keychain);
    },

    dismissReconcileNotice: () => set({ reconcileNoticeDismissed: true }),
  };
};
