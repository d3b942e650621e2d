import { chmod, constants, copyFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import { AppError } from '../core/errors';
import { emptyStore, STORE_SCHEMA_VERSION, type StoreData } from './store-schema';
import { parseStoreFile, StoreFileProblem } from './parse-store-file';
import type { StoreStatus } from './store-status';


/**
 * The metadata store: one lowdb instance over one JSON file (steno writes it
 * atomically and coalesces writes, so there must never be a second instance).
 * A file that cannot be read or understood is never written: the store turns
 * read-only and every call reports the file and the problem.
 * Nothing secret may ever be put in here.
 */
export class MetadataStore {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly db: Low<StoreData>,
    readonly status: StoreStatus,
    /** Whether the file exists: it is written on the first change, not at start-up. */
    private fileExists: boolean,
  ) {}

  static async open(file: string): Promise<MetadataStore> {
    // 0700: the folder is the user's alone; the file is chmod-ed 0600 after each save.
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    let fileVersion: number | undefined;
    const parse = (text: string): StoreData => {
      const parsed = parseStoreFile(text);
      fileVersion = parsed.fileVersion;
      return parsed.data;
    };
    const db = new Low<StoreData>(new DataFile(file, { parse, stringify: stringifyStore }), emptyStore());
    try {
      await db.read();
    } catch (error) {
      return new MetadataStore(db, { state: 'unreadable', file, problem: describeReadFailure(error) }, true);
    }
    if (fileVersion !== undefined && fileVersion < STORE_SCHEMA_VERSION) {
      try {
        await keepPreMigrationCopy(file, fileVersion);
      } catch (error) {
        const problem = `The file is from an older Gatekey (schemaVersion ${fileVersion}) and no copy of it could be kept before upgrading (${(error as NodeJS.ErrnoException).code ?? 'error'}).`;
        return new MetadataStore(db, { state: 'unreadable', file, problem }, true);
      }
    }
    return new MetadataStore(db, { state: 'ok', file }, fileVersion !== undefined);
  }

  get hasFile(): boolean {
    return this.fileExists;
  }

  /** The current data. Treat it as read-only: change it through `update`. */
  read(): Readonly<StoreData> {
    this.assertReadable();
    return this.db.data;
  }

  /**
   * Applies `change` to a copy and saves it. The in-memory data moves on only
   * once the file is written, so a failed save leaves memory and disk as they were.
   * Updates run one at a time, each on top of the last.
   */
  update<T>(change: (draft: StoreData) => T): Promise<T> {
    const run = this.queue.then(() => this.applyAndSave(change));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async applyAndSave<T>(change: (draft: StoreData) => T): Promise<T> {
    this.assertReadable();
    const previous = this.db.data;
    const draft = structuredClone(previous);
    const result = change(draft);
    this.db.data = draft;
    try {
      await this.db.write();
      this.fileExists = true;
      await chmod(this.status.file, 0o600);
    } catch (error) {
      this.db.data = previous;
      throw new AppError(
        'STORE_WRITE_FAILED',
        `Could not save ${this.status.file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Nothing was changed; check that the folder is writable and the disk is not full.`,
      );
    }
    return result;
  }

  private assertReadable(): void {
    if (this.status.state === 'unreadable') {
      throw new AppError(
        'STORE_UNREADABLE',
        `Gatekey cannot use its data file ${this.status.file}: ${this.status.problem} The file was left untouched.`,
      );
    }
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

const stringifyStore = (data: StoreData): string => `${JSON.stringify(data, null, 2)}\n`;

function describeReadFailure(error: unknown): string {
  if (error instanceof StoreFileProblem) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'Gatekey is not allowed to read the file (permission denied).';
  if (code === 'EISDIR') return 'The path is a folder, not a file.';
  return `The file could not be read (${code ?? (error as Error).message}).`;
}
