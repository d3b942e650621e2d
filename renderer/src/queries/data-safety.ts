import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { client } from '../api';
import { useAppStore } from '../store';
import { appStatusQuery, storeReadOnly } from './app';
import { reconcileKeychain } from './keychain';
import { queryKeys } from './keys';
import { useResultMutation } from './mutation';

export type ConflictChoice = 'reload' | 'overwrite';

/**
 * After the data file was replaced under the app (a restored backup, a reload
 * from disk): the status first, then every list (those on screen now, the
 * others when next shown), then the keychain check against the new records.
 */
export async function reloadEverything(queries: QueryClient): Promise<void> {
  await queries.refetchQueries({ queryKey: appStatusQuery.queryKey });
  await Promise.all(
    [queryKeys.accessKeys.all, queryKeys.apiGroups.all, queryKeys.authorizations.all].map((queryKey) => queries.invalidateQueries({ queryKey })),
  );
  if (!storeReadOnly()) await reconcileKeychain();
}

/** Unreadable file: main moves it aside and opens the newest valid backup. */
export function useRestoreStoreBackup() {
  const queries = useQueryClient();
  return useResultMutation((_: void) => client.store.restoreBackup({}), {
    async onOk({ restoredFrom, movedAsideTo }) {
      await reloadEverything(queries);
      useAppStore.getState().showToast(`Restored from ${restoredFrom}; the damaged file was kept as ${movedAsideTo}`);
    },
  });
}

/** Another program changed the file: reload it, or write Gatekey's version over it. */
export function useResolveStoreConflict() {
  const queries = useQueryClient();
  return useResultMutation((choice: ConflictChoice) => client.store.resolveConflict({ choice }), {
    async onOk({ keysToAdopt }, choice) {
      await reloadEverything(queries);
      const ui = useAppStore.getState();
      ui.showToast(choice === 'reload' ? 'Reloaded the data file from disk' : 'Kept your version; the other program’s file is kept in the backups folder');
      // What was dropped was listed before the user chose; what is left to do (adopt secrets) is shown now.
      ui.showKeysToAdopt(keysToAdopt);
    },
  });
}

/** Retries saving unsaved changes now (main keeps retrying on its own too). */
export function useSaveStoreNow() {
  const queries = useQueryClient();
  // Either way the status says what is on disk; "All changes saved" follows from it.
  const refresh = () => queries.refetchQueries({ queryKey: appStatusQuery.queryKey });
  return useResultMutation((_: void) => client.store.saveNow({}), { onOk: refresh, onFailed: refresh });
}
