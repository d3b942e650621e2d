import { createHash, type Hash } from 'node:crypto';
import { basename } from 'node:path';
import { STORE_FILE_VERSION, STORE_PARTS, emptyStore, type StoreData, type StorePart } from '../../shared/store/schema';
import { stampOf } from '../disk-stamp';
import { parseStoreJson, StoreFileProblem, topLevelOf } from '../parse-store-file';
import { readRegularFile, STORE_READ_LIMIT } from '../regular-file';
import { seenFrom, type FileSeen } from './file-seen';
import { parseJournal, type JournalEntry } from './journal-entry';
import type { StoreLayout } from './layout';
import { manifestOf, type Manifest } from './manifest';
import { replay } from './replay';
import { parseSnapshot } from './snapshot-file';

/** What a journal since the snapshots holds: for deciding when to compact, and which snapshots it would replace. */
export interface JournalStats {
  entries: number;
  bytes: number;
  touched: Set<StorePart>;
}

/** The store as loaded, with every file it came from as seen (for telling later edits by other programs). */
export interface LoadedStore {
  data: StoreData;
  /** 4 for the journaled layout; 1-3 for a single file (migrated in memory). */
  fileVersion: number;
  /** null: a single file, or nothing, at the store path. */
  manifest: Manifest | null;
  files: FileSeen[];
  /** The journal to append to (the last one), its good length and the running hash of those bytes. */
  journal?: { number: number; validLength: number; running: Hash; torn: boolean };
  seq: number;
  journals: Map<number, JournalStats>;
}

/** Reads a file as seen: the stamp is taken first, so anything written during the read shows as a change later. */
async function readSeen(path: string): Promise<{ bytes: Buffer; seen: FileSeen } | null> {
  const stamp = await stampOf(path);
  const found = await readRegularFile(path, STORE_READ_LIMIT);
  if (!found) return null;
  return { bytes: found.bytes, seen: seenFrom(path, stamp, found.bytes) };
}

const missingManifest = (layout: StoreLayout): string =>
  `The data files are there, but ${basename(layout.manifest)}, which lists them, is missing (deleted, or not copied along). The files were left untouched.`;

/**
 * Loads the store at `layout.manifest`: a journaled store (manifest,
 * snapshots, journals from `journalFrom` on while they exist, replayed in
 * order), or a single file of schemaVersion 1-3 (validated and migrated as
 * always). Null when nothing is there: no manifest, and no snapshot or
 * journal either. Anything damaged, missing or breaking the rules throws
 * (StoreFileProblem, NotARegularFile...): nothing is written.
 * With `only`, reads just those parts (the others stay empty).
 */
export async function loadStore(layout: StoreLayout, only?: ReadonlySet<StorePart>): Promise<LoadedStore | null> {
  const top = await readSeen(layout.manifest);
  if (!top) {
    // Not a first run: starting afresh would hide these files, and the first save would put a new store over them.
    if ((await layout.names()).length > 0) throw new StoreFileProblem(missingManifest(layout));
    return null;
  }
  const json = topLevelOf(top.bytes.toString('utf8'));
  if (json.schemaVersion !== STORE_FILE_VERSION) {
    const parsed = parseStoreJson(json);
    return { data: parsed.data, fileVersion: parsed.fileVersion, manifest: null, files: [top.seen], seq: 0, journals: new Map() };
  }
  const manifest = manifestOf(json, layout);
  const files: FileSeen[] = [top.seen];
  const wanted = STORE_PARTS.filter((part) => !only || only.has(part));
  const base = emptyStore();
  const parts: Partial<Pick<StoreData, StorePart>> = {};
  for (const part of wanted) {
    const name = manifest.parts[part];
    const read = await readSeen(layout.path(name));
    if (!read) throw new StoreFileProblem(`The snapshot ${name} that ${layout.manifest} names is missing. The files were left untouched.`);
    files.push(read.seen);
    (parts as Record<StorePart, unknown>)[part] = parseSnapshot(part, read.bytes.toString('utf8'), name);
  }
  const entries: JournalEntry[] = [];
  const from = new Map<JournalEntry, string>();
  const journals = new Map<number, JournalStats>();
  let journal: LoadedStore['journal'];
  for (let number = manifest.journalFrom; ; number += 1) {
    const path = layout.journalPath(number);
    const read = await readSeen(path);
    if (!read) {
      if (number === manifest.journalFrom) throw new StoreFileProblem(`The journal ${layout.journalName(number)} that ${layout.manifest} names is missing. The files were left untouched.`);
      break;
    }
    files.push(read.seen);
    const isLast = !(await stampOf(layout.journalPath(number + 1)));
    const parsed = parseJournal(read.bytes.toString('utf8'), layout.journalName(number), isLast);
    const stats: JournalStats = { entries: parsed.entries.length, bytes: parsed.validLength, touched: new Set() };
    for (const entry of parsed.entries) {
      if (entries.length > 0 && entry.seq <= entries.at(-1)!.seq) throw new StoreFileProblem(`The journal ${layout.journalName(number)} repeats or reorders entry ${entry.seq}. The files were left untouched.`);
      for (const op of entry.ops) stats.touched.add(op.part);
      entries.push(entry);
      from.set(entry, layout.journalName(number));
    }
    journals.set(number, stats);
    if (isLast) journal = { number, validLength: parsed.validLength, running: createHash('sha256').update(read.bytes.subarray(0, parsed.validLength)), torn: parsed.torn };
  }
  const replayed = replay(parts, entries, (entry) => from.get(entry) ?? 'journal').parts;
  const data = { ...base, ...replayed } as StoreData;
  return { data, fileVersion: STORE_FILE_VERSION, manifest, files, journal, seq: entries.at(-1)?.seq ?? 0, journals };
}

