import type { StateCreator } from 'zustand';
import type { AccessKeySummary } from '../../../electron/core/access-keys/types';
import type { Input, Output } from '../../../electron/ipc/contract';
import { api, type Result } from '../api';
import type { AppState } from './types';

export type ConflictChoice = 'reload' | 'overwrite';

export interface DataSafetySlice {
  /** Access keys a reload dropped the records of; their APISecrets are still in the keychain, to adopt from Health. */
  keysToAdopt: Output<'resolveStoreConflict'>['keysToAdopt'];
  dismissKeysToAdopt(): void;
  /** Asks main for everything again: status, the lists already loaded, then the keychain check. */
  reloadEverything(): Promise<void>;
  /** Unreadable file: main moves it aside and opens the newest valid backup. */
  restoreStoreBackup(): Promise<Result<Output<'restoreStoreBackup'>>>;
  resolveStoreConflict(choice: ConflictChoice): Promise<Result<Output<'resolveStoreConflict'>>>;
  /** Retries saving unsaved changes now (main keeps retrying on its own too). */
  saveStoreNow(): Promise<Result<Output<'saveStoreNow'>>>;

  // --- Health: what the keychain check found ---
  // Each fix checks the keychain again before it says it is done, so message and findings agree.
  /** The typed secret goes straight to main; it is never kept in the store. */
  restoreAccessKeySecret(id: string, secret: string): Promise<Result<AccessKeySummary>>;
  /** Deletes a record whose secret is missing, staying on the Health view. */
  deleteAccessKeyRecord(id: string): Promise<Result<{ id: string }>>;
  deleteOrphanSecret(account: string): Promise<Result<{ account: string }>>;
  adoptOrphanSecret(input: Input<'adoptOrphanSecret'>): Promise<Result<AccessKeySummary>>;
}

export const createDataSafetySlice: StateCreator<AppState, [], [], DataSafetySlice> = (set, get) => {
  const nameOf = (id: string) => get().accessKeys.find((k) => k.id === id)?.name;

  return {
    keysToAdopt: [],
    dismissKeysToAdopt: () => set({ keysToAdopt: [] }),

    async reloadEverything() {
      const state = get();
      await state.loadAppStatus();
      await Promise.all([
        state.loadAccessKeys({ quiet: true }),
        state.apiGroupsStatus === 'idle' ? undefined : state.loadApiGroups({ quiet: true }),
        state.authorizationsStatus === 'idle' ? undefined : state.loadAuthorizations({ quiet: true }),
      ]);
      if (!get().storeReadOnly()) await get().reconcileKeychain();
    },

    async restoreStoreBackup() {
      const result = await api.restoreStoreBackup();
      if (result.ok) {
        await get().reloadEverything();
        get().showToast(`Restored from ${result.data.restoredFrom}; the damaged file was kept as ${result.data.movedAsideTo}`);
      }
      return result;
    },

    async resolveStoreConflict(choice) {
      const result = await api.resolveStoreConflict(choice);
      if (result.ok) {
        await get().reloadEverything();
        get().showToast(
          choice === 'reload'
            ? 'Reloaded the data file from disk'
            : 'Kept your version; the other program’s file is kept in the backups folder',
        );
        // What was dropped was listed before the user chose; what is left to do (adopt secrets) is shown now.
        set({ keysToAdopt: result.data.keysToAdopt });
      }
      return result;
    },

    async saveStoreNow() {
      const result = await api.saveStoreNow();
      // The status watch says "All changes saved" when the warning goes away.
      await get().loadAppStatus();
      return result;
    },

    async restoreAccessKeySecret(id, secret) {
      const result = await api.restoreAccessKeySecret(id, secret);
      if (result.ok) {
        await get().reconcileKeychain({ includeOrphans: true });
        get().showToast(`APISecret of "${result.data.name}" is back in the OS keychain`);
      }
      return result;
    },

    async deleteAccessKeyRecord(id) {
      const name = nameOf(id);
      const result = await api.deleteAccessKey(id);
      if (result.ok) {
        await get().reconcileKeychain({ includeOrphans: true });
        get().showToast(name ? `Access key "${name}" deleted` : 'Access key deleted');
      }
      return result;
    },

    async deleteOrphanSecret(account) {
      const result = await api.deleteOrphanSecret(account);
      if (result.ok) {
        await get().reconcileKeychain({ includeOrphans: true });
        get().showToast(`Keychain entry ${account} deleted`);
      }
      return result;
    },

    async adoptOrphanSecret(input) {
      const result = await api.adoptOrphanSecret(input);
      if (result.ok) {
        await get().reconcileKeychain({ includeOrphans: true });
        get().showToast(`Access key "${result.data.name}" now uses keychain entry ${input.account}`);
      }
      return result;
    },
  };
};
