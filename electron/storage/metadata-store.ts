import { Low } from 'lowdb';
import { AppError } from '../core/errors';
import { CoalescedSaves } from './coalesced-saves';
import { draftOf } from './draft';
import type { FileOps } from './durable-write';
import { IndexCache, type IndexName, type Indexes } from './indexes';
import { JsonStoreFile } from './json-store-file';
import { describeReadFailure } from './read-failure';
import { resolveConflict } from './resolve-conflict';
import { restorePreviewOf } from './restore-backup';
import { restoreHoldingFolder } from './restore-in-folder';
import { statusAfterFailedSave } from './save-failure';
import { SaveRetry } from './save-retry';
import type { StoreInternals } from './store-internals';
import { emptyStore, type StoreData } from './store-schema';
import type { ConflictResolution, StoreStatus } from './store-status';
import { takeDataFolder } from './take-folder';

export { LOCK_FILE_NAME } from './take-folder';

export interface StoreOptions {
  /** Never write and take no lock (the command line). */
  readOnly?: boolean;
  /** The file-system calls of a save; tests inject failing ones. */
  ops?: FileOps;
  now?: () => Date;
}

/**
 * The metadata store: exactly one lowdb instance over one JSON file.
 * - A file it cannot read or understand is never written: read-only, reported.
 * - A failed save keeps the change in memory, marked unsaved, and retries.
 * - A file changed by something else is not overwritten until the user says so.
 * - One process writes a data folder at a time (lock file, taken atomically);
 *   a folder that cannot be written (read-only, disk full) opens read-only, saying why.
 * - A symlink, FIFO, folder or device where a file belongs is refused, never opened to read.
 * Nothing secret may ever be put in here.
 */
export class MetadataStore {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly indexes = new IndexCache();
  private readonly saves = new CoalescedSaves(() => this.persist());
  private readonly retry = new SaveRetry();
  private closed = false;

  private constructor(
    private readonly db: Low<StoreData>,
    private readonly adapter: JsonStoreFile,
    private current: StoreStatus,
    private releaseLock: () => Promise<void>,
    private readonly now: () => Date,
  ) {}

  static async open(file: string, options: StoreOptions = {}): Promise<MetadataStore> {
    const now = options.now ?? (() => new Date());
    const adapter = new JsonStoreFile(file, options.ops, now);
    const db = new Low<StoreData>(adapter, emptyStore());
    const make = (status: StoreStatus, release: () => Promise<void> = async () => undefined) => new MetadataStore(db, adapter, status, release, now);

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
    return this.adapter.disk !== null || this.current.state === 'unreadable';
  }

  /** The current data. Treat it as read-only: change it through `update`. */
  read(): Readonly<StoreData> {
    if (this.current.state === 'unreadable') {
      throw new AppError('STORE_UNREADABLE', `Gatekey cannot use its data file ${this.current.file}: ${this.current.problem} The file was left untouched.`);
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

  /** Waits for queued changes, then for saves in flight (never call it from inside the queue). */
  private async idle(): Promise<void> {
    await this.queue;
    await this.saves.settled();
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
      if (this.current.state !== 'unreadable') throw new AppError('INVALID_INPUT', 'The data file is readable; there is nothing to restore.');
      const { release, ...restored } = await restoreHoldingFolder(this.current.file, this.now());
      this.releaseLock = release;
      await this.db.read();
      this.current = { state: 'ok', file: this.current.file };
      return restored;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Saves what can be saved and lets go of the lock; resolves whether everything is on disk. No writes after this. */
  async close(): Promise<boolean> {
    const saved = await this.flush().catch(() => false);
    this.closed = true;
    this.retry.cancel();
    await this.releaseLock();
    return saved;
  }

  private assertWritable(): void {
    if (this.closed) throw new AppError('STORE_READ_ONLY', 'Gatekey is closing; the change was not made.');
    const status = this.current;
    if (status.state === 'unreadable') this.read();
    if (status.state === 'readOnly') throw new AppError('STORE_READ_ONLY', status.problem);
    if (status.state === 'conflict') {
      throw new AppError('STORE_CONFLICT', `${status.problem} Choose whether to reload it or keep your version before making more changes.`);
    }
  }

  private async persist(): Promise<void> {
    try {
      await this.db.write();
      this.retry.reset();
      this.current = { state: 'ok', file: this.current.file };
    } catch (error) {
      const { status, retry } = statusAfterFailedSave(this.internals, error);
      this.current = status;
      if (retry && !this.closed) this.retry.schedule(() => void this.flush()); // once closed, the lock is gone: never write without it
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
        store.current = status;
      },
      requestSave: () => this.saves.request(),
    };
  }
}
