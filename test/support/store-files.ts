import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import type { StoreData } from '../../electron/shared/store/schema';
import { StoreLayout } from '../../electron/storage/journal/layout';
import { loadStore } from '../../electron/storage/journal/load-store';
import { writeWholeStore } from '../../electron/storage/journal/write-whole';
import { blockWrites } from './save-blocker';

/** The store on disk at `file` as data, read by the real reader (manifest, snapshots, journal): null when there is none. */
export async function readStoreOnDisk(file: string): Promise<StoreData | null> {
  return (await loadStore(new StoreLayout(file)))?.data ?? null;
}

/** The names of the access keys the store on disk holds. */
export async function keyNamesOnDisk(file: string): Promise<string[]> {
  return ((await readStoreOnDisk(file))?.accessKeys ?? []).map((k) => k.name);
}

/** Writes `data` at `file` as a journaled store, exactly as Gatekey writes it. */
export async function writeFixtureStore(file: string, data: StoreData): Promise<void> {
  const { journal } = await writeWholeStore(new StoreLayout(file), data);
  await journal.close();
}

/** Every file of the store at `file` (manifest, snapshots, journals) with its text: to compare before and after. */
export async function storeFilesOf(file: string): Promise<Record<string, string>> {
  const layout = new StoreLayout(file);
  const { readFile } = await import('node:fs/promises');
  const names = [file.slice(layout.folder.length + 1), ...(await layout.names()).map(({ name }) => name)].sort();
  const texts: Record<string, string> = {};
  for (const name of names) texts[name] = await readFile(join(layout.folder, name), 'utf8').catch(() => '<missing>');
  return texts;
}

/**
 * Makes every save in `dataDir` fail for real until the returned function is
 * called (see save-blocker.ts: immutable as root, no write permission
 * otherwise). Inside a test the undo also runs when the test ends, passed or
 * failed, so a failed assertion never leaves the folder blocked; outside one
 * (a hook, a script) the caller's own call is the only undo.
 */
export async function blockSaves(dataDir: string): Promise<() => Promise<void>> {
  const unblock = await blockWrites(dataDir);
  try {
    onTestFinished(() => unblock());
  } catch {
    // not inside a running test
  }
  return unblock;
}

const noStore = (file: string) => Object.assign(new Error(`ENOENT: no store at ${file}`), { code: 'ENOENT' });

/** The store's data on disk as one JSON text (what a single-file store held): to look for a record, or compare before and after. Rejects with ENOENT when there is none. */
export async function storeDataText(file: string): Promise<string> {
  const data = await readStoreOnDisk(file);
  if (!data) throw noStore(file);
  return JSON.stringify(data);
}

/** Every byte of every file of the store (manifest, snapshots, journals) as one text: to prove something is in none of them, or that none changed. Rejects with ENOENT when there is none. */
export async function storeFilesText(file: string): Promise<string> {
  const files = await storeFilesOf(file);
  if (Object.values(files)[0] === '<missing>' && Object.keys(files).length === 1) throw noStore(file);
  return Object.entries(files).map(([name, text]) => `--- ${name}\n${text}`).join('\n');
}
