import { createHash } from 'node:crypto';
import { unlink } from 'node:fs/promises';
import { STORE_PARTS, type StoreData, type StorePart } from '../../shared/store/schema';
import { pruneBackups } from '../backups';
import type { FileOps } from '../durable-write';
import { COMPACT_AT_BYTES, COMPACT_AT_ENTRIES, type CompactionOptions } from './compaction-policy';
import type { FileSeen } from './file-seen';
import { JournalFile } from './journal-file';
import type { StoreLayout } from './layout';
import { keepLayoutBackup } from './layout-backup';
import type { JournalStats } from './load-store';
import { manifestText, type Manifest } from './manifest';
import { removeStale, staleNames } from './stale-files';
import { writeSeen, writeSnapshots } from './write-whole';

/** The journaled store's files as Gatekey last saw them, and the journal it appends to. */
export interface JournalState {
  /** null: a single file (or nothing) at the store path; the next save writes the journaled layout. */
  manifest: Manifest | null;
  /** Every file the data came from or went to, by path. */
  files: Map<string, FileSeen>;
  journal: JournalFile | undefined;
  /** Per journal since the snapshots: its entries, bytes and the parts it touched. */
  journals: Map<number, JournalStats>;
  seq: number;
}

/** What compaction needs of the store's adapter. */
export interface CompactionHost {
  readonly layout: StoreLayout;
  readonly ops?: FileOps;
  readonly now: () => Date;
  state: JournalState;
  saved: StoreData | null;
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  unchangedNow(): Promise<boolean>;
}

export function dueForCompaction(state: JournalState, options: CompactionOptions): boolean {
  if (!state.manifest || !state.journal) return false;
  let entries = 0;
  let bytes = 0;
  for (const stats of state.journals.values()) {
    entries += stats.entries;
    bytes += stats.bytes;
  }
  return entries >= (options.entries ?? COMPACT_AT_ENTRIES) || bytes >= (options.bytes ?? COMPACT_AT_BYTES);
}

class Abandoned extends Error {}

/**
 * Folds the journals into new snapshots, off the saves' path. Each step
 * leaves a store that loads with every acknowledged change:
 * 1. rotate: new saves go to journal m+1 (created, its name fsync'd); load
 *    replays every journal from `journalFrom`, so nothing depends on step 2 yet;
 * 2. write new snapshots, durably, of the parts the journals touched, from the
 *    data as of the rotation (immutable: holding it is free), one part at a
 *    time, yielding between parts;
 * 3. keep the previous state as a backup folder, then replace the manifest
 *    durably (new snapshots, `journalFrom` m+1): the commit;
 * 4. delete what the manifest no longer needs and the backup holds (its links).
 * Saves never wait on steps 2 and 4; steps 1 and 3 run between two saves.
 */
export async function compact(host: CompactionHost, options: CompactionOptions): Promise<void> {
  const step = options.onStep ?? (() => undefined);
  const rotation = await host.exclusive(async () => {
    const { manifest, journal } = host.state;
    if (!manifest || !journal || !host.saved || !(await host.unchangedNow())) return undefined;
    // Exactly the next number: a load replays journals from journalFrom while they exist, so one past a gap
    // (a stray file of a higher number) would never be read. Whatever is already at that name is refused (O_EXCL).
    const number = journal.number + 1;
    await journal.finish(); // it stops being the last journal: a torn line at its end would make the store unreadable
    host.state.files.set(journal.seen.path, journal.seen);
    const next = await JournalFile.create(host.layout.journalPath(number), number, createHash('sha256'), host.ops);
    await journal.close();
    host.state.journal = next;
    host.state.files.set(next.seen.path, next.seen);
    host.state.journals.set(number, { entries: 0, bytes: 0, touched: new Set() });
    const touched = new Set<StorePart>();
    for (const [n, stats] of host.state.journals) if (n < number) for (const part of stats.touched) touched.add(part);
    return { number, data: host.saved, manifest, touched };
  });
  if (!rotation) return;
  await step('rotated');

  const parts = STORE_PARTS.filter((part) => rotation.touched.has(part));
  const written = new Map<StorePart, FileSeen>();
  let committed: Manifest | undefined;
  let keptIn: StoreLayout | undefined;
  try {
    for (const part of parts) {
      const [seen] = (await writeSnapshots(host.layout, rotation.data, [part], rotation.number, host.ops)).values();
      written.set(part, seen!);
      await step(`snapshot:${part}`);
    }
    committed = await host.exclusive(async () => {
      if (host.state.manifest !== rotation.manifest || !(await host.unchangedNow())) throw new Abandoned();
      const old = rotation.manifest;
      const oldJournals = [...host.state.journals.keys()].filter((n) => n < rotation.number).map((n) => host.layout.journalName(n));
      const manifest: Manifest = { parts: { ...old.parts }, journalFrom: rotation.number };
      for (const part of written.keys()) manifest.parts[part] = host.layout.snapshotName(part, rotation.number);
      // The previous state, and whatever else the new manifest leaves stale (files of an earlier compaction whose backup failed):
      // only what a backup holds is deleted after the commit. A missing backup must not stop compaction; it only keeps old files.
      keptIn = await keepLayoutBackup(host.layout, [...Object.values(old.parts), ...(await staleNames(host.layout, manifest))], host.now()).catch(() => undefined);
      await step('backedUp');
      const top = await writeSeen(host.layout.manifest, manifestText(manifest), host.ops);
      host.state.manifest = manifest;
      host.state.files.set(top.path, top);
      for (const name of [...oldJournals, ...parts.map((part) => old.parts[part])]) host.state.files.delete(host.layout.path(name));
      for (const seen of written.values()) host.state.files.set(seen.path, seen);
      for (const n of [...host.state.journals.keys()]) if (n < rotation.number) host.state.journals.delete(n);
      return manifest;
    });
  } catch (error) {
    // Not committed: the new snapshots are nobody's; the journals still hold every change.
    if (!committed) await Promise.all([...written.values()].map((seen) => unlink(seen.path).catch(() => undefined)));
    if (error instanceof Abandoned) return;
    throw error;
  }
  await step('committed');
  if (keptIn) await removeStale(host.layout, committed, keptIn).catch(() => undefined);
  await pruneBackups(host.layout.manifest, host.now()).catch(() => undefined);
  await step('cleaned');
}
