import { Low } from 'lowdb';
import { AppError } from '../shared/errors';
import { CoalescedSaves } from './coalesced-saves';
import { draftOf } from './draft';
import type { FileOps } from './durable-write';
import { IndexCache, type IndexName, type Indexes } from '../core/store-indexes';
import { JournaledStoreFile } from './journal/journaled-file';
import type { CompactionOptions } from './journal/compaction-policy';
import { describeReadFailure } from './read-failure';
import { resolveConflict } from './resolve-conflict';
import { restorePreviewOf } from './restore-backup';
import { restoreHoldingFolder } from './restore-in-folder';
import { statusAfterFailedSave } from './save-failure';
import { SaveRetry } from './save-retry';
import type { StoreInternals } from './store-internals';
import { emptyStore, type StoreData } from '../shared/store/schema';
import type { ConflictResolution, StoreStatus } from '../shared/store/status';
import { takeDataFolder } from './take-folder';
import type { OutsideChange } from './outside-change';
import { OutsideChangeCheck, watchOutsideChanges } from './outside-check';
import { StatusCell } from './status-cell';
import type { FileWatch, FileWatchOptions } from './store-watch';
import type { StorePart } from '../shared/store/schema';
import type { RecordStore } from '../core/ports/record-store';

export { LOCK_FILE_NAME } from './take-folder';
export type { OutsideChange } from './outside-change';

export interface StoreOptions {
  /** Never write and take no lock (the command line). */
  readOnly?: boolean;
  /** The file-system calls of a save; tests inject failing ones. */
  ops?: FileOps;
  now?: () => Date;
  /** Told every change of `status` (saved again, a failed save, a conflict, restored): main's storeStatus event. */
  onStatus?: (status: StoreStatus) => void;
  /**
   * Watch the data folder for changes made by something else (see
   * outside-change.ts) and tell which collections a read-only instance
   * reloaded: main's dataChanged event. Never with `readOnly` (the command line).
   */
  onOutsideChange?: (parts: StorePart[]) => void;
  /** Timings of that watch; tests shorten them. */
  watch?: FileWatchOptions;
  /** When the journal is folded into new snapshots (storage/journal/compaction.ts); tests make it small. */
  compaction?: CompactionOptions;
}

/**
 * The metadata store: exactly one lowdb instance over the journaled JSON
 * files of one data folder (storage/journal: a manifest at `file`, one
 * snapshot per collection, a journal of changes; one fsync'd append per save).
 * - A file it cannot read or understand is never written: read-only, reported.
 * - A failed save keeps the change in memory, marked unsaved, and retries.
 * - A file changed by something else is not overwritten until the user says so.
 * - One process writes a data folder at a time (lock file, taken atomically);
 *   a folder that cannot be written (read-only, disk full) opens read-only, saying why.
 * - A symlink, FIFO, folder or device where a file belongs is refused, never opened to read.
 * Nothing secret may ever be put in here.
 */
export class MetadataStore implements RecordStore {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly indexes = new IndexCache();
  private readonly saves = new CoalescedSaves(() => this.persist());
  private readonly retry = new SaveRetry();
  private closed = false;
  private readonly statusCell: StatusCell;
  private watch: FileWatch | undefined;
  private readonly outside = new OutsideChangeCheck();

  private constructor(
    private readonly db: Low<StoreData>,
    private readonly adapter: JournaledStoreFile,
    initial: StoreStatus,
    private releaseLock: () => Promise<void>,
    private readonly now: () => Date,
    onStatus?: (status: StoreStatus) => void,
  ) {
    this.statusCell = new StatusCell(initial, onStatus);
  }

  private get current(): StoreStatus {
    return this.statusCell.value;
  }

  static async open(file: string, options: StoreOptions = {}): Promise<MetadataStore> {
    const now = options.now ?? (() => new Date());
    const adapter = new JournaledStoreFile(file, options.ops, now, options.compaction);
    const db = new Low<StoreData>(adapter, emptyStore());
    const make = (status: StoreStatus, release: () => Promise<void> = async () => undefined) => {
      const store = new MetadataStore(db, adapter, status, release, now, options.onStatus);
      if (options.onOutsideChange && !options.readOnly) store.watch = watchOutsideChanges(adapter, store, options.onOutsideChange, options.watch);
      return store;
    };

    try {
      await db.read();
    } catch (error) {
      // The command line (read-only) never restores: it does not need to know what a restore would discard.
      return make({ state: 'unreadable', file, problem: describeReadFailure(error), ...(await restorePreviewOf(file, { compare: !options.readOnly })) });
    }
    if (options.readOnly) return make({ state: 'readOnly', file, problem: 'Opened read-only.', cause: 'requested' });
    const { status, release } = await takeDataFolder(file, adapter.fileVersion);
    return make(status, release);
  }

  get status(): StoreStatus {
    return this.current;
  }

  /** Whether the file exists: it is written on the first change, not at start-up. */
  get hasFile(): boolean {
    return this.adapter.hasFile || this.current.state === 'unreadable';
  }

  /** The current data. Treat it as read-only: change it through `update`. */
  read(): Readonly<StoreData> {
    if (this.current.state === 'unreadable') {
      throw new AppError('STORE_UNREADABLE', `Gatekey cannot use its data file ${this.current.file}: ${this.current.problem} The file was left untouched.`, {
        reason: 'storeUnreadable',
        params: { file: this.current.file, detail: this.current.problem },
      });
    }
    return this.db.data;
  }

  /** An index over the current data (by ID, APIKey, name...), rebuilt lazily after a change. */
  index<N extends IndexName>(name: N): Indexes[N] {
    return this.indexes.get(this.read() as StoreData, name);
  }

  /**
   * Applies `change` to a draft; if `change` throws, nothing changes. Otherwise
   * the change is kept and saved; a failed save leaves it in memory, marked
   * unsaved (see `status`), and is retried. Updates run one at a time.
   */
  update<T>(change: (draft: StoreData) => T): Promise<T> {
    const run = this.queue.then(() => {
      this.assertWritable();
      const { draft, commit } = draftOf(this.db.data);
      const result = change(draft);
      this.db.data = commit();
      return result;
    });
    this.queue = run.catch(() => undefined);
    // Not part of the queue: a burst of changes is applied at once and written together.
    return run.then(async (result) => {
      await this.saves.request();
      return result;
    });
  }

  /** Waits for queued changes, then for saves and a compaction in flight (never call it from inside the queue). */
  private async idle(): Promise<void> {
    await this.queue;
    await this.saves.settled();
    await this.adapter.settled();
  }

  /** Tries to save unsaved changes now. Resolves whether everything is on disk. */
  async flush(): Promise<boolean> {
    await this.idle();
    if (this.current.state === 'ok' && this.current.unsaved) await this.saves.request();
    return this.current.state === 'ok' && !this.current.unsaved;
  }

  /** After a conflict: reload the file on disk or write ours over it (see resolve-conflict). */
  resolveConflict(choice: 'reload' | 'overwrite'): Promise<ConflictResolution> {
    const run = this.queue.then(async () => {
      await this.saves.settled();
      return resolveConflict(this.internals, choice);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * For an unreadable file: moves it aside as `*.corrupt-<time>` (kept, not
   * deleted), puts the newest valid backup in its place and opens that. What
   * it discards was in the status (`restore`) before the user confirmed.
   */
  restoreNewestBackup(): Promise<{ restoredFrom: string; movedAsideTo: string }> {
    const run = this.queue.then(async () => {
      await this.saves.settled();
      if (this.current.state !== 'unreadable') throw new AppError('INVALID_INPUT', 'The data file is readable; there is nothing to restore.', { reason: 'storeNothingToRestore' });
      const { release, ...restored } = await restoreHoldingFolder(this.current.file, this.now());
      this.releaseLock = release;
      await this.db.read();
      this.statusCell.value = { state: 'ok', file: this.current.file };
      return restored;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Looks whether something else changed the data file since Gatekey last read
   * or wrote it, and acts on it (see outside-change.ts): the writing instance
   * reports a conflict, a read-only one reloads. The folder watch calls it.
   */
  checkOutsideChange(): Promise<OutsideChange> {
    const run = this.queue.then(async (): Promise<OutsideChange> => {
      await this.saves.settled();
      const change = await this.outside.check(this.internals, () => this.closed);
      if (change.kind === 'conflict') this.retry.reset(); // never retried over: the user decides
      return change;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Saves what can be saved and lets go of the lock; resolves whether everything is on disk. No writes after this. */
  async close(): Promise<boolean> {
    this.watch?.close();
    const saved = await this.flush().catch(() => false);
    this.closed = true;
    this.retry.cancel();
    await this.adapter.close(); // a compaction in flight finishes first: nothing is written once the lock is gone
    await this.releaseLock();
    return saved;
  }

  private assertWritable(): void {
    if (this.closed) throw new AppError('STORE_READ_ONLY', 'Gatekey is closing; the change was not made.', { reason: 'storeClosing' });
    const status = this.current;
    if (status.state === 'unreadable') this.read();
    if (status.state === 'readOnly') throw new AppError('STORE_READ_ONLY', status.problem, { reason: 'storeReadOnly', params: { detail: status.problem, cause: status.cause ?? 'unknown' } });
    if (status.state === 'conflict') {
      throw new AppError('STORE_CONFLICT', `${status.problem} Choose whether to reload it or keep your version before making more changes.`, {
        reason: 'storeConflict',
        params: { detail: status.problem },
      });
    }
  }

  private async persist(): Promise<void> {
    this.outside.saveStarted();
    try {
      await this.db.write();
      this.retry.reset();
      this.statusCell.value = { state: 'ok', file: this.current.file };
      if (!this.closed) this.adapter.compactIfDue();
    } catch (error) {
      const { status, retry } = statusAfterFailedSave(this.internals, error);
      this.statusCell.value = status;
      if (retry && !this.closed) this.retry.schedule(() => void this.flush()); // once closed, the lock is gone: never write without it
    } finally {
      this.outside.saveEnded();
    }
  }

  /** This store as its helper modules see it. */
  private get internals(): StoreInternals {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the view's accessors must reach this store
    const store = this;
    return {
      db: this.db,
      adapter: this.adapter,
      now: this.now,
      get status() {
        return store.current;
      },
      set status(status: StoreStatus) {
        store.statusCell.value = status;
      },
      requestSave: () => this.saves.request(),
    };
  }
}
