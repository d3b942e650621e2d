import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups, newestValidBackup } from '../../../electron/storage/backups';
import type { MetadataStore } from '../../../electron/storage/metadata-store';
import { key, storeText } from '../../support/store-records';
import { keyNamesOnDisk, storeFilesOf } from '../../support/store-files';
import { tempStoreFolder } from '../../support/temp-store-folder';

// Snapshots and journals that no manifest lists, and backups made close
// together: nothing Gatekey does may delete the only copy of a change. Real
// files in a temp folder.

let dir: string;
let file: string;
const { openStore, closed } = tempStoreFolder('gatekey-journal-backups-', (folder, path) => {
  dir = folder;
  file = path;
});
/** Keys 1..n saved one change at a time, each flush letting a compaction due run to its end. */
async function saveKeys(store: MetadataStore, from: number, to: number): Promise<void> {
  for (let i = from; i <= to; i += 1) {
    await store.update((data) => data.accessKeys.push(key(i)));
    await store.flush();
  }
}
/** The store's snapshots and journals with their text, without the manifest. */
const layoutFiles = async () => {
  const { ['gatekey-store.json']: _manifest, ...rest } = await storeFilesOf(file);
  return rest;
};

describe('a manifest that is missing while its snapshots and journals are there', () => {
  it('opens unreadable, saying so, deletes nothing, and restores the newest backup with the files kept aside', async () => {
    const store = await openStore({ compaction: { entries: 2 } });
    await saveKeys(store, 1, 3); // a compaction: a backup folder
    await saveKeys(store, 4, 4); // only in the journal
    await closed(store);
    const before = await layoutFiles();
    await rm(file); // deleted by the user, or not copied along by a sync tool

    const damaged = await openStore();
    expect(damaged.status).toMatchObject({
      state: 'unreadable',
      problem: expect.stringContaining('The data files are there, but gatekey-store.json, which lists them, is missing'),
      backupAvailable: true,
      restore: { changes: null }, // what the files hold cannot be told without the manifest
    });
    expect(damaged.hasFile).toBe(true);
    await expect(damaged.update((data) => data.accessKeys.push(key(9)))).rejects.toThrow();
    expect(await layoutFiles()).toEqual(before);

    const { movedAsideTo } = await damaged.restoreNewestBackup();
    expect(damaged.read().accessKeys.map((k) => k.name)).toEqual(['key-1', 'key-2', 'key-3']); // as at the compaction
    const aside = join(dir, movedAsideTo);
    for (const [name, text] of Object.entries(before)) expect(await readFile(join(aside, name), 'utf8')).toBe(text);
  });

  it('with no backup: unreadable, nothing offered, and the files stay as they are', async () => {
    const store = await openStore();
    await saveKeys(store, 1, 2);
    await closed(store);
    const before = await layoutFiles();
    await rm(file);
    const damaged = await openStore();
    expect(damaged.status).toMatchObject({ state: 'unreadable', backupAvailable: false });
    expect(await layoutFiles()).toEqual(before);
    const readOnly = await openStore({ readOnly: true });
    expect(readOnly.status).toMatchObject({ state: 'unreadable' });
  });
});

describe('a whole store written over files no manifest lists', () => {
  /** A journaled store of keys 1..3 (key 3 only in its journal), then a single file put over its manifest, as an older Gatekey would after a downgrade. */
  async function downgradedOver(): Promise<Record<string, string>> {
    const store = await openStore();
    await saveKeys(store, 1, 3);
    await closed(store);
    const before = await layoutFiles();
    await writeFile(file, storeText(7, 8));
    return before;
  }

  it('keeps them in a backup folder before the first save deletes them', async () => {
    const leftovers = await downgradedOver();
    const store = await openStore();
    await store.update((data) => data.accessKeys.push(key(9)));
    expect(await keyNamesOnDisk(file)).toEqual(['key-7', 'key-8', 'key-9']);
    const folders = (await listBackups(file)).filter((path) => !path.endsWith('.json'));
    expect(folders).toHaveLength(1);
    for (const [name, text] of Object.entries(leftovers)) expect(await readFile(join(folders[0]!, name), 'utf8')).toBe(text);
    // Not a store to restore (no manifest lists them): the single file kept before the migration is.
    expect((await newestValidBackup(file))?.data.accessKeys.map((k) => k.name)).toEqual(['key-7', 'key-8']);
  });

  it('leaves them in place when no backup can be made', async () => {
    const leftovers = await downgradedOver();
    await writeFile(join(dir, 'backups'), 'not a folder'); // every backup fails
    const store = await openStore();
    await store.update((data) => data.accessKeys.push(key(9)));
    expect(await keyNamesOnDisk(file)).toEqual(['key-7', 'key-8', 'key-9']);
    for (const [name, text] of Object.entries(leftovers)) expect(await readFile(join(dir, name), 'utf8')).toBe(text);
  });
});

describe('compaction and its backups', () => {
  it('two compactions in the same millisecond each keep a backup, and the newest holds the newest state', async () => {
    const at = new Date('2026-11-29T10:00:00.000Z');
    const store = await openStore({ now: () => at, compaction: { entries: 1 } });
    await saveKeys(store, 1, 3); // the first save writes the store; saves 2 and 3 each compact
    const folders = await listBackups(file);
    expect(folders.map((path) => path.slice(dir.length + 1))).toEqual(['backups/gatekey-store-2026-11-29T10-00-00-000Z-2', 'backups/gatekey-store-2026-11-29T10-00-00-000Z']);
    expect((await newestValidBackup(file))?.data.accessKeys.map((k) => k.name)).toEqual(['key-1', 'key-2', 'key-3']);
  });

  it('a compaction whose backup fails still commits, and deletes none of the old files', async () => {
    await writeFile(join(dir, 'backups'), 'not a folder'); // every backup fails
    const store = await openStore({ compaction: { entries: 2 } });
    await saveKeys(store, 1, 3);
    const names = (await readdir(dir)).filter((name) => name.startsWith('gatekey-store.') && name !== 'gatekey-store.json');
    expect(names.filter((name) => name.endsWith('.jsonl'))).toEqual(['gatekey-store.journal.1.jsonl', 'gatekey-store.journal.2.jsonl']);
    expect(names.filter((name) => name.startsWith('gatekey-store.accessKeys.')).sort()).toEqual(['gatekey-store.accessKeys.1.json', 'gatekey-store.accessKeys.2.json']);
    // Once backups work again, the next compaction keeps the old files too, then deletes them.
    await rm(join(dir, 'backups'));
    await saveKeys(store, 4, 5);
    const [newest] = await listBackups(file);
    expect((await readdir(newest!)).sort()).toEqual(expect.arrayContaining(['gatekey-store.accessKeys.1.json', 'gatekey-store.journal.1.jsonl']));
    expect((await readdir(dir)).filter((name) => name.endsWith('.jsonl'))).toEqual(['gatekey-store.journal.3.jsonl']);
    await closed(store);
    expect(await keyNamesOnDisk(file)).toEqual(['key-1', 'key-2', 'key-3', 'key-4', 'key-5']);
  });
});
