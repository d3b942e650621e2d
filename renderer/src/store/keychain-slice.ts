import type { StateCreator } from 'zustand';
import type { AppState } from './types';

/**
 * The keychain notice's UI state. What main says of the keychain (its state,
 * the last reconcile report) is server state, in the query cache (queries/keychain.ts).
 */
export interface KeychainSlice {
  /** The user closed the notice; anything new about the keychain (a check, a failed call) shows it again. */
  reconcileNoticeDismissed: boolean;
  /**
   * A "Check again" is running: its buttons say "Checking…". It spans two calls
   * (the keychain's state, then a reconcile), so no one query's fetch status says it.
   */
  keychainChecking: boolean;
  dismissReconcileNotice(): void;
  showReconcileNotice(): void;
  setKeychainChecking(checking: boolean): void;
}

export const createKeychainSlice: StateCreator<AppState, [], [], KeychainSlice> = (set) => ({
  reconcileNoticeDismissed: false,
  keychainChecking: false,
  dismissReconcileNotice: () => set({ reconcileNoticeDismissed: true }),
  showReconcileNotice: () => set({ reconcileNoticeDismissed: false }),
  setKeychainChecking: (keychainChecking) => set({ keychainChecking }),
});
