import type { StorePart } from '../shared/store/schema';
import { takeOutsideChange, type OutsideChange } from './outside-change';
import type { StoreInternals } from './store-internals';
import { basename } from 'node:path';
import type { JournaledStoreFile } from './journal/journaled-file';
import { watchFile, type FileWatch, type FileWatchOptions } from './store-watch';

/**
 * Tells the store's own saves from another program's changes: it hears when
 * each save starts and ends; the adapter remembers each file as last found to
 * be ours (stamp and hash), so saves do not come back as outside changes.
 * MetadataStore runs `check` in its queue, after saves in flight.
 */
export class OutsideChangeCheck {
  /** Saves started, and whether one runs: a check that overlaps a save cannot tell its bytes from another program's. */
  private savesStarted = 0;
  private saving = false;

  saveStarted(): void {
    this.savesStarted += 1;
    this.saving = true;
  }

  saveEnded(): void {
    this.saving = false;
  }

  /**
   * Whether something else changed the data file since the store last read or
   * wrote it, acting on it (see outside-change.ts): the writing instance
   * reports a conflict, a read-only one reloads.
   */
  async check(store: StoreInternals, isClosed: () => boolean): Promise<OutsideChange> {
    const state = store.status.state;
    if (isClosed() || this.saving || state === 'conflict' || state === 'unreadable') return { kind: 'skipped' };
    const started = this.savesStarted;
    const unchanged = await store.adapter.unchangedOnDisk();
    if (this.savesStarted !== started || isClosed()) return { kind: 'skipped' };
    if (unchanged) return { kind: 'unchanged' };
    return takeOutsideChange(store);
  }
}

/** Watches the data folder and tells `onOutsideChange` which collections a read-only instance reloaded. */
export function watchOutsideChanges(
  adapter: JournaledStoreFile,
  store: { checkOutsideChange(): Promise<OutsideChange> },
  onOutsideChange: (parts: StorePart[]) => void,
  options?: FileWatchOptions,
): FileWatch {
  const check = async () => {
    const change = await store.checkOutsideChange();
    if (change.kind === 'reloaded' && change.collections.length > 0) onOutsideChange(change.collections);
  };
  // The store path (the manifest), the snapshots and the journals by name; the manifest and journals also by a polled stamp (a save appends to the journal).
  return watchFile(adapter.file, check, options, { names: (name) => name === basename(adapter.file) || adapter.layout.parse(name) !== undefined, stamp: () => adapter.watchStamp() });
}
