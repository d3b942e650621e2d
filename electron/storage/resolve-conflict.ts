import { describeReadFailure } from './read-failure';
import { restorePreviewOf } from './restore-backup';
import { diffStores, droppedAccessKeys } from '../shared/store/changes';
import type { StoreInternals } from './store-internals';
import { emptyStore } from '../shared/store/schema';
import type { ConflictResolution } from '../shared/store/status';

const NOTHING_DROPPED: ConflictResolution = { dropped: null, keysToAdopt: [] };

/**
 * After a conflict: take the file on disk (dropping unsaved changes) or write
 * ours over it. A reload says what it dropped, and which access keys lost
 * their records: their APISecrets stay in the keychain (nothing here deletes
 * them), to be adopted again from Health with the APIKey listed.
 */
export async function resolveConflict(store: StoreInternals, choice: 'reload' | 'overwrite'): Promise<ConflictResolution> {
  if (store.status.state !== 'conflict') return NOTHING_DROPPED;
  const file = store.status.file;
  if (choice === 'overwrite') {
    await store.adapter.adoptDiskState();
    store.status = { state: 'ok', file, unsaved: { problem: 'Saving over the other program’s changes.', since: store.now().toISOString() } };
    await store.requestSave();
    return NOTHING_DROPPED;
  }
  const ours = store.db.data;
  const dropped = diffStores(store.adapter.saved ?? emptyStore(), ours);
  try {
    await store.db.read();
  } catch (error) {
    store.status = { state: 'unreadable', file, problem: describeReadFailure(error), ...(await restorePreviewOf(file)) };
    return { dropped, keysToAdopt: droppedAccessKeys(ours, emptyStore()) };
  }
  if (!store.adapter.hasFile) store.db.data = emptyStore(); // they deleted it: theirs is empty
  store.status = { state: 'ok', file };
  return { dropped, keysToAdopt: droppedAccessKeys(ours, store.db.data) };
}
