import { ChangedOnDisk } from './changed-on-disk';
import { NotARegularFile } from './regular-file';
import { diffStores } from '../shared/store/changes';
import type { StoreInternals } from './store-internals';
import { emptyStore } from '../shared/store/schema';
import type { StoreStatus } from '../shared/store/status';

/**
 * The status after a save failed, and whether to retry: a file changed by
 * another program is a conflict for the user (never retried over); anything
 * else keeps the change in memory, marked unsaved since the first failure.
 */
export function statusAfterFailedSave(store: StoreInternals, error: unknown): { status: StoreStatus; retry: boolean } {
  const file = store.status.file;
  if (error instanceof ChangedOnDisk) {
    const unsavedChanges = diffStores(store.adapter.saved ?? emptyStore(), store.db.data);
    return { status: { state: 'conflict', file, problem: `${file} was changed by another program since Gatekey read it; Gatekey did not overwrite it.`, unsavedChanges }, retry: false };
  }
  const since = store.status.state === 'ok' && store.status.unsaved ? store.status.unsaved.since : store.now().toISOString();
  const code = error instanceof NotARegularFile ? error.message : ((error as NodeJS.ErrnoException).code ?? (error as Error).message);
  const problem = `Could not save ${file} (${code}): the change is kept in memory and saving is retried. Check that the folder is writable and the disk is not full.`;
  return { status: { state: 'ok', file, unsaved: { problem, since } }, retry: true };
}
