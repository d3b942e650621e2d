import { ChangedOnDisk } from './changed-on-disk';
import { statusAfterFailedSave } from './save-failure';
import type { StoreInternals } from './store-internals';
import { STORE_PARTS, emptyStore, type StoreData, type StorePart } from '../shared/store/schema';

/** What a look at the data file found (MetadataStore.checkOutsideChange). */
export type OutsideChange =
  /** The file is what Gatekey last read or wrote. */
  | { kind: 'unchanged' }
  /** Not looked at: a save ran meanwhile (its own check decides), or the store is closed, unreadable or already in conflict. */
  | { kind: 'skipped' }
  /** The writing instance: something else changed the file, and the user chooses (status 'conflict'). */
  | { kind: 'conflict' }
  /** A read-only instance took the new file; `collections` differ from what it had. */
  | { kind: 'reloaded'; collections: StorePart[] }
  /** A read-only instance could not read the new file (half-written, from a newer Gatekey): it keeps what it had. */
  | { kind: 'unreadable' };

/**
 * Acts on a data file that something else changed. The instance that writes
 * the folder holds the lock, so no other Gatekey and no CLI wrote it: it says
 * so at once (a conflict, as its next save would find) and, as before, takes
 * nothing and overwrites nothing until the user chooses. A read-only instance
 * has nothing of its own to lose and shows the writer's data: it reloads.
 */
export async function takeOutsideChange(store: StoreInternals): Promise<OutsideChange> {
  const status = store.status;
  if (status.state === 'ok') {
    store.status = statusAfterFailedSave(store, new ChangedOnDisk('The data file was changed by another program since Gatekey read it.')).status;
    return { kind: 'conflict' };
  }
  if (status.state !== 'readOnly' || status.cause === 'requested') return { kind: 'skipped' };
  const before = store.db.data;
  try {
    await store.db.read();
  } catch {
    return { kind: 'unreadable' };
  }
  if (!store.adapter.hasFile) store.db.data = emptyStore(); // the writer deleted it: empty now
  return { kind: 'reloaded', collections: changedCollections(before, store.db.data) };
}

/** Parts whose records differ; untouched ones keep their identity, reloaded ones are compared by content. */
function changedCollections(before: StoreData, after: StoreData): StorePart[] {
  return STORE_PARTS.filter((name) => before[name] !== after[name] && JSON.stringify(before[name]) !== JSON.stringify(after[name]));
}
