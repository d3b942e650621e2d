import type { Adapter } from 'lowdb';
import { STORE_FILE_VERSION, emptyStore, type StoreData } from '../../shared/store/schema';
import { keepBackup, pruneBackups } from '../backups';
import { ChangedOnDisk } from '../changed-on-disk';
import { stampOf } from '../disk-stamp';
import { readRegularFile, STORE_READ_LIMIT } from '../regular-file';
import type { FileOps } from '../durable-write';
import { compact, dueForCompaction, type JournalState } from './compaction';
import { COMPACTION_PAUSE_MS, type CompactionOptions } from './compaction-policy';
import { stillAsSeen, missingFile, type FileSeen } from './file-seen';
import { entryLine } from './journal-entry';
import { JournalFile } from './journal-file';
import { StoreLayout } from './layout';
import { keepLayoutBackup } from './layout-backup';
import { loadStore } from './load-store';
import { opsBetween } from './diff';
import { removeStale } from './stale-files';
import { writeWholeStore } from './write-whole';

/**
 * lowdb's adapter for the journaled store (see layout.ts): reads the
 * manifest, snapshots and journals once; a save appends the changes since the
 * last one as one journal line and fsyncs it; the journal is folded into new
 * snapshots in the background (compaction.ts). A single-file store of an
 * older Gatekey is read as always and migrated by the first save. It refuses
 * to write when a file it read or wrote was changed by something else.
 */
export class JournaledStoreFile implements Adapter<StoreData> {
  readonly layout: StoreLayout;
  /** schemaVersion of the files as read: 4, or 1-3 for a single file (migrated in memory, rewritten at the first save). */
  fileVersion: number | undefined;
  /**
   * The data as last read or written: what is on disk. The store never mutates
   * a record or collection it has handed out, so keeping the reference is free.
   */
  saved: StoreData | null = null;
  /** What the store's files are on disk as Gatekey last saw them, and the journal it appends to. */
  state: JournalState;
  /** Write everything afresh at the next save (the user chose to overwrite another program's files). */
  private rewrite = false;
  private lock: Promise<unknown> = Promise.resolve();
  private compacting: Promise<void> | undefined;
  private compactionPausedUntil = 0;

  constructor(
    readonly file: string,
    readonly ops?: FileOps,
    readonly now: () => Date = () => new Date(),
    readonly compaction: CompactionOptions = {},
  ) {
    this.layout = new StoreLayout(file);
    this.state = emptyState(file);
  }

  /** Whether anything is at the store path. */
  get hasFile(): boolean {
    return this.state.files.get(this.file)?.stamp != null;
  }

  /** Runs `work` alone: saves, compaction's switches and outside checks never interleave. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.lock.then(work);
    this.lock = run.catch(() => undefined);
    return run;
  }

  /** Refuses a symlink, FIFO, folder or device at any of its paths (NotARegularFile) without blocking on it. */
  async read(): Promise<StoreData | null> {
    await this.settled();
    return this.exclusive(async () => {
      await this.state.journal?.close();
      this.rewrite = false;
      const loaded = await loadStore(this.layout);
      if (!loaded) {
        this.state = emptyState(this.file);
        this.fileVersion = undefined;
        this.saved = null;
        return null;
      }
      const files = new Map(loaded.files.map((seen) => [seen.path, seen]));
      let journal: JournalFile | undefined;
      if (loaded.journal) {
        const { number, validLength, running, torn } = loaded.journal;
        const path = this.layout.journalPath(number);
        journal = new JournalFile(number, { path, stamp: files.get(path)!.stamp, size: validLength, running }, torn, this.ops);
        if (!torn) files.set(path, journal.seen); // a torn one stays as read (whole) until the first append cuts it off
      }
      this.state = { manifest: loaded.manifest, files, journal, journals: loaded.journals, seq: loaded.seq };
      this.fileVersion = loaded.fileVersion;
      this.saved = loaded.data;
      return loaded.data;
    });
  }

  async write(data: StoreData): Promise<void> {
    await this.exclusive(async () => {
      if (!this.rewrite && !(await this.unchangedNow())) {
        throw new ChangedOnDisk('The data file was changed by another program since Gatekey read it.');
      }
      if (this.rewrite || !this.state.manifest || !this.state.journal) await this.writeWhole(data);
      else await this.append(data, this.state.journal);
      this.saved = data;
    });
  }

  /** Whether every file of the store is as Gatekey last read or wrote it (and nothing appeared at an empty store path). */
  unchangedOnDisk(): Promise<boolean> {
    return this.exclusive(() => this.unchangedNow());
  }

  /** Accepts whatever is on disk now as overwritten by the next save (the user chose to keep their version). */
  async adoptDiskState(): Promise<void> {
    await this.settled();
    this.rewrite = true;
  }

  /** A cheap fingerprint of the files a folder watch should notice: the store path and the journals. */
  async watchStamp(): Promise<string> {
    const next = (this.state.journal?.number ?? 0) + 1;
    const stamps = await Promise.all([this.file, ...(this.state.journal ? [this.state.journal.seen.path] : []), this.layout.journalPath(next)].map((path) => stampOf(path).catch(() => 'error')));
    return stamps.join('|');
  }

  /** Starts a compaction in the background when the journal is long enough; never while one runs, and not for a while after one failed. */
  compactIfDue(): void {
    if (this.compacting || Date.now() < this.compactionPausedUntil || !dueForCompaction(this.state, this.compaction)) return;
    this.compacting = compact(this, this.compaction)
      .catch(() => {
        this.compactionPausedUntil = Date.now() + COMPACTION_PAUSE_MS;
      })
      .finally(() => {
        this.compacting = undefined;
      });
  }

  /** Waits for a compaction in flight. */
  async settled(): Promise<void> {
    await this.compacting;
  }

  async close(): Promise<void> {
    await this.settled();
    await this.exclusive(async () => this.state.journal?.close());
  }

  /** Only inside `exclusive`. A file found the same under a new stamp (a touch) keeps the new stamp; a replaced journal is reopened. */
  async unchangedNow(): Promise<boolean> {
    const files = [...this.state.files.values()];
    // A next journal that appeared (another program's, a synced copy) changes what a load replays: Gatekey only makes one when it switches to it.
    const next = this.state.journal ? stampOf(this.layout.journalPath(this.state.journal.number + 1)) : Promise.resolve(null);
    const [results, nextThere] = await Promise.all([Promise.all(files.map((seen) => stillAsSeen(seen))), next]);
    let unchanged = nextThere === null;
    for (const [index, { same, stamp }] of results.entries()) {
      const seen = files[index]!;
      if (!same) unchanged = false;
      else if (stamp !== seen.stamp) {
        seen.stamp = stamp;
        if (seen === this.state.journal?.seen) await this.state.journal.close(); // the name may point at another file now
      }
    }
    return unchanged;
  }

  private async append(data: StoreData, journal: JournalFile): Promise<void> {
    const ops = opsBetween(this.saved ?? emptyStore(), data);
    if (ops.length === 0) return;
    const seq = this.state.seq + 1;
    const bytes = Buffer.from(entryLine({ seq, at: this.now().toISOString(), ops }), 'utf8');
    await journal.append(bytes);
    this.state.seq = seq;
    this.state.files.set(journal.seen.path, journal.seen);
    const stats = this.state.journals.get(journal.number) ?? { entries: 0, bytes: 0, touched: new Set() };
    stats.entries += 1;
    stats.bytes += bytes.byteLength;
    for (const op of ops) stats.touched.add(op.part);
    this.state.journals.set(journal.number, stats);
  }

  /**
   * Writes the whole store afresh (the first save, a migration, or over
   * another program's files when the user chose so), keeping what was there
   * as a backup first: a single file as `backups/*.json`, a journaled store as
   * a backup folder.
   */
  private async writeWhole(data: StoreData): Promise<void> {
    const at = this.now();
    const before = this.state;
    // A missing backup must not block the save itself. What is kept is what is at the store path now (another program's, after a conflict).
    const there = await journaledOrSingle(this.file);
    if (there === 'single') await keepBackup(this.file, at).catch(() => undefined);
    // Snapshots and journals already here go to a backup folder before anything deletes them: the previous store, or,
    // with no manifest over them (it was lost, or an older Gatekey put its single file there), the only copy of what they hold.
    const leftovers = (await this.layout.names()).map(({ name }) => name);
    const keptIn =
      there === 'journaled' || leftovers.length > 0 ? await keepLayoutBackup(this.layout, leftovers, at, { withManifest: there === 'journaled' }).catch(() => undefined) : undefined;
    const written = await writeWholeStore(this.layout, data, this.ops);
    await before.journal?.close();
    this.state = {
      manifest: written.manifest,
      files: new Map(written.files.map((seen) => [seen.path, seen])),
      journal: written.journal,
      journals: new Map([[written.journal.number, { entries: 0, bytes: 0, touched: new Set() }]]),
      seq: before.seq,
    };
    this.fileVersion = STORE_FILE_VERSION;
    this.rewrite = false;
    if (keptIn) await removeStale(this.layout, written.manifest, keptIn).catch(() => undefined); // what no backup holds stays
    await pruneBackups(this.file, at).catch(() => undefined);
  }
}

/** What is at the store path: a manifest, a single file (any other content), or nothing to keep. */
async function journaledOrSingle(file: string): Promise<'journaled' | 'single' | 'none'> {
  const found = await readRegularFile(file, STORE_READ_LIMIT).catch(() => null);
  if (!found) return 'none';
  try {
    return (JSON.parse(found.bytes.toString('utf8')) as { schemaVersion?: unknown }).schemaVersion === STORE_FILE_VERSION ? 'journaled' : 'single';
  } catch {
    return 'single';
  }
}

function emptyState(file: string): JournalState {
  return { manifest: null, files: new Map<string, FileSeen>([[file, missingFile(file)]]), journal: undefined, journals: new Map(), seq: 0 };
}
