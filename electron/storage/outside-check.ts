import { stampOf } from './disk-stamp';
import type { StorePart } from '../shared/store/schema';
import { takeOutsideChange, unchangedSince, type OutsideChange, type SeenFile } from './outside-change';
import type { StoreInternals } from './store-internals';
import { watchFile, type FileWatch, type FileWatchOptions } from './store-watch';

/**
 * Tells the store's own saves from another program's changes: it hears when
 * each save starts and ends, and remembers the file as last found to be ours.
 * MetadataStore runs `check` in its queue, after saves in flight.
 */
export class OutsideChangeCheck {
  /** The file's stamp when last found to be ours (after a save or a check): saves do not come back as outside changes. */
  private seen: SeenFile | undefined;
  /** Saves started, and whether one runs: a check that overlaps a save cannot tell its bytes from another program's. */
  private savesStarted = 0;
  private saving = false;

  saveStarted(): void {
    this.savesStarted += 1;
    this.saving = true;
  }

  /** After a save that succeeded: what we just wrote, so the folder watch does not read it back as someone else's. */
  async saved(store: StoreInternals): Promise<void> {
    this.seen = { disk: store.adapter.disk, stamp: await stampOf(store.adapter.file).catch(() => null) };
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
    const { unchanged, seen } = await unchangedSince(store.adapter.file, store.adapter.disk, this.seen);
    if (this.savesStarted !== started || isClosed()) return { kind: 'skipped' };
    if (unchanged) {
      this.seen = seen;
      return { kind: 'unchanged' };
    }
    return takeOutsideChange(store);
  }
}

/** Watches the data folder and tells `onOutsideChange` which collections a read-only instance reloaded. */
export function watchOutsideChanges(
  file: string,
  store: { checkOutsideChange(): Promise<OutsideChange> },
  onOutsideChange: (parts: StorePart[]) => void,
  options?: FileWatchOptions,
): FileWatch {
  return watchFile(file, async () => {
    const change = await store.checkOutsideChange();
    if (change.kind === 'reloaded' && change.collections.length > 0) onOutsideChange(change.collections);
  }, options);
}
