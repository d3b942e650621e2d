import { constants, copyFile, mkdir, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Low } from 'lowdb';
import { AppError } from '../core/errors';
import { newestValidBackup } from './backups';
import type { FileOps } from './durable-write';
import { writeDurably } from './durable-write';
import { ChangedOnDisk, JsonStoreFile } from './json-store-file';
import { IndexCache, type IndexName, type Indexes } from './indexes';
import { acquireLock } from './lock-file';
import { describeReadFailure } from './read-failure';
import { draftOf } from './draft';
import { emptyStore, STORE_SCHEMA_VERSION, type StoreData } from './store-schema';
import type { StoreStatus } from './store-status';

export const LOCK_FILE_NAME = 'gatekey.lock';
/** Waits between attempts to save after a failure; the last one repeats. */
const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

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
 * - One process writes a data folder at a time (lock file).
 * Nothing secret may ever be put in here.
 */
export class MetadataStore {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly indexes = new IndexCache();
  /** The save running now, and the one queued behind it (which will carry every change made until it starts). */
  private writing: Promise<void> | undefined;
  private nextWrite: Promise<void> | undefined;
  private retry: { timer: NodeJS.Timeout; attempt: number } | undefined;
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
    if (!options.readOnly) await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    const adapter = new JsonStoreFile(file, options.ops, now);
    const db = new Low<StoreData>(adapter, emptyStore());
    const make = (status: StoreStatus, release: () => Promise<void> = async () => undefined) => new MetadataStore(db, adapter, status, release, now);

    try {
      await db.read();
    } catch (error) {
      const backupAvailable = (await newestValidBackup(file).catch(() => undefined)) !== undefined;
      return make({ state: 'unreadable', file, problem: describeReadFailure(error), backupAvailable });
    }
    if (options.readOnly) return make({ state: 'readOnly', file, problem: 'Opened read-only.' });

    if (adapter.fileVersion !== undefined && adapter.fileVersion < STORE_SCHEMA_VERSION) {
      try {
        await keepPreMigrationCopy(file, adapter.fileVersion);
      } catch (error) {
        const problem = `The file is from an older Gatekey (schemaVersion ${adapter.fileVersion}) and no copy of it could be kept before upgrading (${(error as NodeJS.ErrnoException).code ?? 'error'}).`;
        return make({ state: 'unreadable', file, problem, backupAvailable: false });
      }
    }
    const lock = await acquireLock(join(dirname(file), LOCK_FILE_NAME));
    if (!lock.held) {
      return make({ state: 'readOnly', file, problem: `Another Gatekey (process ${lock.owner.pid}, since ${lock.owner.since}) is using this data folder; this one only reads it. Close the other one and restart.` });
    }
    return make({ state: 'ok', file }, lock.release);
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
      await this.requestSave();
      return result;
    });
  }

  /** Resolves once a save that started after this call has finished (successfully or not: see `status`). */
  private requestSave(): Promise<void> {
    this.nextWrite ??= (async () => {
      await this.writing;
      this.nextWrite = undefined;
      this.writing = this.persist();
      await this.writing;
    })();
    return this.nextWrite;
  }

  /** Waits for saves in flight (safe inside the queue). */
  private async writesSettled(): Promise<void> {
    await this.nextWrite;
    await this.writing;
  }

  /** Waits for queued changes, then for saves in flight (never call it from inside the queue). */
  private async idle(): Promise<void> {
    await this.queue;
    await this.writesSettled();
  }

  /** Tries to save unsaved changes now. Resolves whether everything is on disk. */
  async flush(): Promise<boolean> {
    await this.idle();
    if (this.current.state === 'ok' && this.current.unsaved) await this.requestSave();
    return this.current.state === 'ok' && !this.current.unsaved;
  }

  /** After a conflict: take the file on disk (dropping unsaved changes) or write ours over it. */
  resolveConflict(choice: 'reload' | 'overwrite'): Promise<void> {
    const run = this.queue.then(async () => {
      await this.writesSettled();
      if (this.current.state !== 'conflict') return;
      const file = this.current.file;
      if (choice === 'reload') {
        try {
          await this.db.read();
        } catch (error) {
          this.current = { state: 'unreadable', file, problem: describeReadFailure(error), backupAvailable: false };
          return;
        }
        this.current = { state: 'ok', file };
      } else {
        await this.adapter.adoptDiskState();
        this.current = { state: 'ok', file, unsaved: { problem: 'Saving over the other program’s changes.', since: this.now().toISOString() } };
        await this.requestSave();
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * For an unreadable file: moves it aside as `*.corrupt-<time>` (kept, not
   * deleted), puts the newest valid backup in its place and opens that.
   */
  restoreNewestBackup(): Promise<{ restoredFrom: string; movedAsideTo: string }> {
    const run = this.queue.then(async () => {
      await this.writesSettled();
      if (this.current.state !== 'unreadable') throw new AppError('INVALID_INPUT', 'The data file is readable; there is nothing to restore.');
      const file = this.current.file;
      const backup = await newestValidBackup(file);
      if (!backup) throw new AppError('NOT_FOUND', 'There is no valid backup to restore. The damaged file was left untouched.');
      // Hold the data folder before touching anything in it.
      const lock = await acquireLock(join(dirname(file), LOCK_FILE_NAME));
      if (!lock.held) throw new AppError('STORE_READ_ONLY', `Another Gatekey (process ${lock.owner.pid}) is using this data folder; close it before restoring.`);
      this.releaseLock = lock.release;
      const aside = `${file}.corrupt-${this.now().toISOString().replace(/[:.]/g, '-')}`;
      await rename(file, aside).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
      await writeDurably(file, backup.bytes);
      await this.db.read();
      this.current = { state: 'ok', file };
      return { restoredFrom: basename(backup.path), movedAsideTo: basename(aside) };
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Saves what can be saved and lets go of the lock; resolves whether everything is on disk. No writes after this. */
  async close(): Promise<boolean> {
    const saved = await this.flush().catch(() => false);
    this.closed = true;
    if (this.retry) clearTimeout(this.retry.timer);
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
    const file = this.current.file;
    try {
      await this.db.write();
      if (this.retry) clearTimeout(this.retry.timer);
      this.retry = undefined;
      this.current = { state: 'ok', file };
    } catch (error) {
      if (error instanceof ChangedOnDisk) {
        this.current = { state: 'conflict', file, problem: `${file} was changed by another program since Gatekey read it; Gatekey did not overwrite it.` };
        return;
      }
      const since = this.current.state === 'ok' && this.current.unsaved ? this.current.unsaved.since : this.now().toISOString();
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      this.current = { state: 'ok', file, unsaved: { problem: `Could not save ${file} (${code}): the change is kept in memory and saving is retried. Check that the folder is writable and the disk is not full.`, since } };
      this.scheduleRetry();
    }
  }

  private scheduleRetry(): void {
    if (this.closed) return; // the lock is gone: never write without it
    const attempt = this.retry ? this.retry.attempt + 1 : 0;
    if (this.retry) clearTimeout(this.retry.timer);
    const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)]!;
    const timer = setTimeout(() => void this.flush(), delay);
    timer.unref?.();
    this.retry = { timer, attempt };
  }
}

/**
 * The migrated data is written at the next save, in the new format: keep the
 * old file beside it first, so a downgrade or a migration bug loses nothing.
 */
async function keepPreMigrationCopy(file: string, fileVersion: number): Promise<void> {
  try {
    await copyFile(file, `${file}.v${fileVersion}.bak`, constants.COPYFILE_EXCL);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}
