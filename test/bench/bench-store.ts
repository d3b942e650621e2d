import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { STORE_FILE_NAME } from '../../electron/ipc/backend';
import { StoreLayout } from '../../electron/storage/journal/layout';
import { MetadataStore } from '../../electron/storage/metadata-store';
import { storeOfScale, type Scale } from './scale-data';

/**
 * A data folder holding a store of `scale` in the app's current layout: written as a
 * previous version's single file, then opened once to write, as the app would at its first
 * start, so the store migrates it (the kept copy of that migration stays in the folder).
 */
export async function writeStoreOfScale(dir: string, scale: Scale): Promise<string> {
  const file = join(dir, STORE_FILE_NAME);
  await writeFile(file, JSON.stringify(storeOfScale(scale)));
  const store = await MetadataStore.open(file);
  if (store.status.state !== 'ok') throw new Error(`The bench store did not open to write: ${JSON.stringify(store.status)}`);
  // One change, so a migration that waits for the first write has happened too.
  await store.update((data) => {
    data.jdcloud.deletedAuthorizations = [];
  });
  if (!(await store.close())) throw new Error('The bench store did not save');
  return file;
}

/**
 * The files a load of `file` reads: the manifest, the snapshots it names and the journals
 * from its first one on (or the file alone, a single-file store). The floors read these.
 */
export async function storeFilesOf(file: string): Promise<string[]> {
  const manifest = JSON.parse(await readFile(file, 'utf8')) as { parts?: Record<string, string>; journalFrom?: number };
  if (!manifest.parts) return [file];
  const layout = new StoreLayout(file);
  const journals = (await layout.names()).flatMap(({ name, is }) => (is.kind === 'journal' && is.number >= (manifest.journalFrom ?? 1) ? [{ name, number: is.number }] : []));
  journals.sort((a, b) => a.number - b.number);
  return [file, ...Object.values(manifest.parts).map((name) => layout.path(name)), ...journals.map(({ name }) => layout.path(name))];
}

/** The floor of a load: readdir, then read and JSON.parse the same files (a journal line by line), and nothing else. */
export async function bareReadAndParse(file: string): Promise<unknown[]> {
  const parsed: unknown[] = [];
  for (const path of await storeFilesOf(file)) {
    const text = await readFile(path, 'utf8');
    if (path.endsWith('.jsonl')) for (const line of text.split('\n')) parsed.push(line ? JSON.parse(line) : null);
    else parsed.push(JSON.parse(text));
  }
  return parsed;
}
