import type { Adapter } from 'lowdb';
import { keepBackup, pruneBackups } from './backups';
import { diskStateOf, unchangedOnDisk, type DiskState } from './disk-state';
import { writeDurably, type FileOps } from './durable-write';
import { parseStoreFile } from './parse-store-file';
import { readRegularFile, STORE_READ_LIMIT } from './regular-file';
import type { StoreData } from '../shared/store/schema';

/** Thrown when the file on disk is no longer the one Gatekey read or wrote. */
export class ChangedOnDisk extends Error {
  override name = 'ChangedOnDisk';
}

/**
 * lowdb's adapter for the store file: reads once (one parse), writes durably,
 * keeps a backup of what it replaces, and refuses to write over a file that
 * something else changed.
 */
export class JsonStoreFile implements Adapter<StoreData> {
  /** The file as Gatekey last read or wrote it; null when there is none. */
  disk: DiskState | null = null;
  /** schemaVersion of the file as read (older ones are migrated in memory). */
  fileVersion: number | undefined;
  /**
   * The data as last read or written: what is on disk. The store never mutates
   * a record or collection it has handed out, so keeping the reference is free.
   */
  saved: StoreData | null = null;

  constructor(
    readonly file: string,
    private readonly ops?: FileOps,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Refuses a symlink, FIFO, folder or device at the path (NotARegularFile) without blocking on it. */
  async read(): Promise<StoreData | null> {
    const found = await readRegularFile(this.file, STORE_READ_LIMIT);
    if (!found) {
      this.disk = null;
      this.saved = null;
      return null;
    }
    const parsed = parseStoreFile(found.bytes.toString('utf8'));
    this.fileVersion = parsed.fileVersion;
    this.disk = diskStateOf(found.bytes);
    this.saved = parsed.data;
    return parsed.data;
  }

  async write(data: StoreData): Promise<void> {
    const bytes = Buffer.from(this.serialise(data), 'utf8');
    if (!(await unchangedOnDisk(this.file, this.disk))) {
      throw new ChangedOnDisk('The data file was changed by another program since Gatekey read it.');
    }
    const at = this.now();
    if (this.disk) await keepBackup(this.file, at).catch(() => undefined); // a missing backup must not block the save itself
    await writeDurably(this.file, bytes, this.ops);
    this.disk = diskStateOf(bytes);
    this.saved = data;
    await pruneBackups(this.file, at).catch(() => undefined);
  }

  /** Serialised collections, by array identity: a save re-serialises only the collections that changed. */
  private readonly serialised = new WeakMap<readonly unknown[], string>();

  /** The same text as JSON.stringify(data), with unchanged collections taken from the cache. */
  private serialise(data: StoreData): string {
    const part = (items: readonly unknown[]) => {
      let text = this.serialised.get(items);
      if (text === undefined) {
        text = JSON.stringify(items);
        this.serialised.set(items, text);
      }
      return text;
    };
    return `{"schemaVersion":${JSON.stringify(data.schemaVersion)},"accessKeys":${part(data.accessKeys)},"apiGroups":${part(data.apiGroups)},"authorizations":${part(data.authorizations)},"bindings":${part(data.bindings)},"jdcloud":${JSON.stringify(data.jdcloud)}}\n`;
  }

  /** Accepts whatever is on disk now as the known state (the user chose to overwrite it). */
  async adoptDiskState(): Promise<void> {
    const found = await readRegularFile(this.file, STORE_READ_LIMIT);
    this.disk = found ? diskStateOf(found.bytes) : null;
  }
}
