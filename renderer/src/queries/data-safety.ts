import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { client } from '../api';
import { useAppStore } from '../store';
import { appStatusQuery, storeReadOnly } from './app';
import { reconcileKeychain } from './keychain';
import { useResultMutation } from './mutation';
import { topicsSettled } from './settled';

export type ConflictChoice = 'reload' | 'overwrite';

/**
 * After the data file was replaced under the app (a restored backup, a reload
 * from disk). Main's events, before the reply, already put the new status in
 * place (`storeStatus`) and asked for every list again (`dataChanged`: those on
 * screen now, the others when next shown); once those answers are in, the
 * keychain is checked against the new records.
 */
async function afterFileReplaced(queries: QueryClient): Promise<void> {
  await topicsSettled(queries, ['accessKeys', 'apiGroups', 'authorizations']);
  if (!storeReadOnly()) await reconcileKeychain();
}

/** Unreadable file: main moves it aside and opens the newest valid backup. */
export function useRestoreStoreBackup() {
  const queries = useQueryClient();
  return useResultMutation((_: void) => client.store.restoreBackup({}), {
    async onOk({ restoredFrom, movedAsideTo }) {
      await afterFileReplaced(queries);
      useAppStore.getState().showToast(`Restored from ${restoredFrom}; the damaged file was kept as ${movedAsideTo}`);
    },
  });
}

/** Another program changed the file: reload it, or write Gatekey's version over it. */
export function useResolveStoreConflict() {
  const queries = useQueryClient();
  return useResultMutation((choice: ConflictChoice) => client.store.resolveConflict({ choice }), {
    async onOk({ keysToAdopt }, choice) {
      await afterFileReplaced(queries);
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
