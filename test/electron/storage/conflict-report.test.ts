import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MetadataStore } from '../../../electron/storage/metadata-store';
import { key, storeText } from '../../support/store-records';


let dir: string;
let file: string;
const opened: MetadataStore[] = [];
const openStore = async (...args: Parameters<typeof MetadataStore.open>) => {
  const store = await MetadataStore.open(...args);
  opened.push(store);
  return store;
};
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gatekey-conflict-'));
  file = join(dir, 'gatekey-store.json');
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
  await rm(dir, { recursive: true, force: true });
});

describe('Reload after another program changed the file', () => {
  it('says before reloading which of this session’s changes are unsaved, and after which keys lost their records', async () => {
    const store = await openStore(file);
    await store.update((data) => data.accessKeys.push(key(1), key(2)));
    await writeFile(file, storeText(1, 2, 9)); // theirs: one key more
    await store.update((data) => {
      data.accessKeys.push(key(3));
      data.accessKeys = data.accessKeys.filter((k) => k.id !== key(2).id);
      data.accessKeys[0] = { ...data.accessKeys[0]!, name: 'renamed' };
    });

    // Before: the conflict itself carries what Reload would drop.
    expect(store.status).toMatchObject({
      state: 'conflict',
      unsavedChanges: {
        total: 3,
        accessKeys: {
          created: { count: 1, items: [{ id: key(3).id, name: 'key-3' }] },
          edited: { count: 1, items: [{ id: key(1).id, name: 'renamed' }] },
          deleted: { count: 1, items: [{ id: key(2).id, name: 'key-2' }] },
        },
      },
    });

    const report = await store.resolveConflict('reload');
    expect(report.dropped?.total).toBe(3);
    // key-3 was created in this session and is not in their file: its secret is kept, and here is how to adopt it.
    expect(report.keysToAdopt).toEqual([{ id: key(3).id, name: 'key-3', apiKey: key(3).apiKey }]);
    expect(store.read().accessKeys.map((k) => k.name)).toEqual(['key-1', 'key-2', 'key-9']);
    expect(await readFile(file, 'utf8')).toBe(storeText(1, 2, 9));
  });

  it('a store deleted by the other program reloads as empty, and every key is listed for adoption', async () => {
    const store = await openStore(file);
    await store.update((data) => data.accessKeys.push(key(1)));
    for (const name of await readdir(dir)) if (name.startsWith('gatekey-store.')) await rm(join(dir, name)); // the manifest, snapshots and journal
    await store.update((data) => data.accessKeys.push(key(2)));
    expect(store.status.state).toBe('conflict');
    const report = await store.resolveConflict('reload');
    expect(store.read().accessKeys).toEqual([]);
    expect(report.keysToAdopt.map((k) => k.name)).toEqual(['key-1', 'key-2']);
  });

  it('only its manifest deleted: the reload finds the store unreadable, not empty, and deletes nothing', async () => {
    const store = await openStore(file);
    await store.update((data) => data.accessKeys.push(key(1)));
    await rm(file);
    const left = (await readdir(dir)).filter((name) => name.startsWith('gatekey-store.')).sort();
    await store.update((data) => data.accessKeys.push(key(2)));
    expect(store.status.state).toBe('conflict');
    await store.resolveConflict('reload');
    expect(store.status).toMatchObject({ state: 'unreadable', problem: expect.stringContaining('which lists them, is missing') });
    expect((await readdir(dir)).filter((name) => name.startsWith('gatekey-store.')).sort()).toEqual(left);
  });

  it('Keep my version drops nothing', async () => {
    const store = await openStore(file);
    await store.update((data) => data.accessKeys.push(key(1)));
    await writeFile(file, storeText());
    await store.update((data) => data.accessKeys.push(key(2)));
    expect(await store.resolveConflict('overwrite')).toEqual({ dropped: null, keysToAdopt: [] });
  });
});

describe('restoring a backup says what it discards', () => {
  it('lists the records the damaged file still shows that the backup lacks, and what the backup holds', async () => {
    const healthy = await openStore(file);
    await healthy.update((data) => data.accessKeys.push(key(1)));
    await healthy.close();
    await writeFile(file, storeText(1)); // a single file of an older Gatekey: migrating it keeps it as a backup
    const migrating = await openStore(file);
    await migrating.update((data) => data.accessKeys.push(key(2)));
    await migrating.close();
    // Readable JSON, but not a store Gatekey accepts (an unknown field): its records can still be listed.
    const damaged = JSON.parse(storeText(1, 2, 3)) as { accessKeys: Array<Record<string, unknown>> };
    damaged.accessKeys[2]!.unexpected = true;
    await writeFile(file, JSON.stringify(damaged));

    const store = await openStore(file);
    expect(store.status).toMatchObject({
      state: 'unreadable',
      backupAvailable: true,
      restore: {
        backup: expect.stringMatching(/^gatekey-store-.*\.json$/), // the single-file form of backups stays restorable
        backupHolds: { accessKeys: 1, apiGroups: 0, authorizations: 0, bindings: 0 },
        changes: { accessKeys: { deleted: { count: 2, items: [{ id: key(2).id, name: 'key-2' }, { id: key(3).id, name: 'key-3' }] } } },
      },
    });
  });

  it('says it cannot list them when the damaged file is not JSON at all', async () => {
    const healthy = await openStore(file, { compaction: { entries: 1 } });
    await healthy.update((data) => data.accessKeys.push(key(1)));
    await healthy.update((data) => data.accessKeys.push(key(2))); // compacts: a backup folder of the state it replaces
    await healthy.close();
    await writeFile(file, Buffer.alloc(100));
    const store = await openStore(file);
    expect(store.status).toMatchObject({ state: 'unreadable', restore: { backup: expect.stringMatching(/^gatekey-store-[-0-9T]+Z$/), changes: null, backupHolds: { accessKeys: 2 } } });
  });
});
