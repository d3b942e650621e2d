import { createHash } from 'node:crypto';
import { STORE_PARTS, type StoreData, type StorePart } from '../../shared/store/schema';
import { stampOf } from '../disk-stamp';
import { writeDurably, type FileOps } from '../durable-write';
import { seenFrom, type FileSeen } from './file-seen';
import { JournalFile } from './journal-file';
import type { StoreLayout } from './layout';
import { manifestText, type Manifest } from './manifest';
import { snapshotText } from './snapshot-file';

/** Lets the event loop run (IPC, the window's requests) between two big pieces of work. */
export const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Writes a whole file durably under a new name and says how it was left. */
export async function writeSeen(path: string, text: string, ops?: FileOps): Promise<FileSeen> {
  const bytes = Buffer.from(text, 'utf8');
  await writeDurably(path, bytes, ops);
  return seenFrom(path, await stampOf(path), bytes);
}

/** Writes one snapshot per part of `data` under `generation`, one part at a time. */
export async function writeSnapshots(layout: StoreLayout, data: StoreData, parts: readonly StorePart[], generation: number, ops?: FileOps): Promise<Map<StorePart, FileSeen>> {
  const written = new Map<StorePart, FileSeen>();
  for (const part of parts) {
    await yieldToLoop();
    written.set(part, await writeSeen(layout.path(layout.snapshotName(part, generation)), snapshotText(part, data[part]), ops));
  }
  return written;
}

/**
 * Writes `data` as a whole new journaled store: snapshots and an empty
 * journal under numbers no file in the folder has, then the manifest over the
 * store path, durably: until that last rename, the store path still holds
 * what it held (a single file being migrated, or nothing).
 */
export async function writeWholeStore(layout: StoreLayout, data: StoreData, ops?: FileOps): Promise<{ manifest: Manifest; files: FileSeen[]; journal: JournalFile }> {
  const number = await layout.nextNumber();
  const snapshots = await writeSnapshots(layout, data, STORE_PARTS, number, ops);
  const journal = await JournalFile.create(layout.journalPath(number), number, createHash('sha256'), ops);
  try {
    const manifest: Manifest = { parts: Object.fromEntries(STORE_PARTS.map((part) => [part, layout.snapshotName(part, number)])) as Manifest['parts'], journalFrom: number };
    const top = await writeSeen(layout.manifest, manifestText(manifest), ops);
    return { manifest, files: [top, ...snapshots.values(), journal.seen], journal };
  } catch (error) {
    await journal.close();
    throw error;
  }
}
