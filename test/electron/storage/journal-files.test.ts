import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs/promises';
import { appendFile, copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, truncate, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StorePart } from '../../../electron/shared/store/schema';
import type { FileOps } from '../../../electron/storage/durable-write';
import { readStoreParts } from '../../../electron/storage/journal/read-parts';
import { MetadataStore, type StoreOptions } from '../../../electron/storage/metadata-store';
import { key, storeText } from '../../support/store-records';
import { keyNamesOnDisk, storeFilesOf } from '../../support/store-files';

// The journaled layout's own files, made and damaged for real in a temp folder.

let dir: string;
let file: string;
const opened: MetadataStore[] = [];
const openStore = async (options?: StoreOptions) => {
  const store = await Promise.race([
    MetadataStore.open(file, options),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('MetadataStore.open hung')), 20_000).unref()),
  ]);
  opened.push(store);
  return store;
};
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gatekey-journal-files-'));
  file = join(dir, 'gatekey-store.json');
});
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
  await rm(dir, { recursive: true, force: true });
});

const named = async (part: string) => join(dir, (await readdir(dir)).find((name) => name.startsWith(`gatekey-store.${part}.`))!);
const journal = () => named('journal');
/** A store of keys 1..n: the first in the snapshot, the others in the journal. */
async function storeOf(n: number, options?: StoreOptions): Promise<MetadataStore> {
  const store = await openStore(options);
  for (let i = 1; i <= n; i += 1) {
    await store.update((data) => data.accessKeys.push(key(i)));
    await store.flush(); // a compaction due runs to its end
  }
  return store;
}
const closed = async (store: MetadataStore) => {
  await store.close();
  opened.splice(opened.indexOf(store), 1);
};

describe('a journal cut short or damaged', () => {
  it.each([
    ['cut short (no newline)', '{"seq":9,"at":"2026-12-01T00:00:00.000Z","ops":[{"part":"accessKeys","pu'],
    ['an unparsable last line', '\u0000\u0000\u0000\u0000\n'],
  ])('a last line %s is a change never acknowledged: ignored, and cut off before the next append', async (_label, torn) => {
    await closed(await storeOf(3));
    const path = await journal();
    const good = await readFile(path, 'utf8');
    await appendFile(path, torn);

    const store = await openStore();
    expect(store.status).toEqual({ state: 'ok', file });
    expect(store.read().accessKeys.map((k) => k.name)).toEqual(['key-1', 'key-2', 'key-3']);
    await store.update((data) => data.accessKeys.push(key(4)));
    const text = await readFile(path, 'utf8');
    expect(text.startsWith(good)).toBe(true);
    expect(text.slice(good.length)).toMatch(/^\{"seq":\d+,[^\n]*\}\n$/);
    expect(await keyNamesOnDisk(file)).toEqual(['key-1', 'key-2', 'key-3', 'key-4']);
  });

  it('a bad line in the middle: unreadable, every file untouched, and a backup is offered', async () => {
    await closed(await storeOf(4, { compaction: { entries: 2 } })); // compacted at the third: a backup, and one line in the journal
    const path = await journal();
    await appendFile(path, `${JSON.stringify({ seq: 90, at: 'x', ops: [] })}\n`);
    const lines = (await readFile(path, 'utf8')).split('\n');
    lines[0] = lines[0]!.replace('"seq"', '"seq');
    await writeFile(path, lines.join('\n'));
    const before = await storeFilesOf(file);

    const store = await openStore();
    expect(store.status).toMatchObject({ state: 'unreadable', problem: expect.stringMatching(/journal gatekey-store\.journal\.\d+\.jsonl is damaged at line 1/), backupAvailable: true });
    await expect(store.update((data) => data.accessKeys.push(key(9)))).rejects.toMatchObject({ code: 'STORE_UNREADABLE' });
    expect(await storeFilesOf(file)).toEqual(before);
  });

  it('an entry that breaks the store rules (an APISecret field in a record): unreadable, untouched', async () => {
    await closed(await storeOf(2));
    await appendFile(await journal(), `${JSON.stringify({ seq: 50, at: 'x', ops: [{ part: 'accessKeys', put: { ...key(5), apiSecret: 'X' } }] })}\n`);
    const before = await storeFilesOf(file);
    const store = await openStore();
    expect(store.status).toMatchObject({ state: 'unreadable', problem: expect.stringMatching(/breaks the store's rules at line 2: ops\.0: put/) });
    expect(await storeFilesOf(file)).toEqual(before);
  });

  it('a missing snapshot or journal: unreadable, the manifest untouched', async () => {
    await closed(await storeOf(2));
    await rm(await named('bindings'));
    const store = await openStore();
    expect(store.status).toMatchObject({ state: 'unreadable', problem: expect.stringMatching(/snapshot gatekey-store\.bindings\.1\.json .* is missing/) });
  });

  it('a manifest from a newer Gatekey: unreadable, untouched', async () => {
    await closed(await storeOf(1));
    const newer = (await readFile(file, 'utf8')).replace('"schemaVersion": 4', '"schemaVersion": 5');
    await writeFile(file, newer);
    const store = await openStore();
    expect(store.status).toMatchObject({ state: 'unreadable', problem: expect.stringMatching(/newer version of Gatekey \(schemaVersion 5; this version reads up to 4\)/) });
    expect(await readFile(file, 'utf8')).toBe(newer);
  });

  it('a manifest naming a file outside the store (a path): refused, nothing opened there', async () => {
    await closed(await storeOf(1));
    await writeFile(file, (await readFile(file, 'utf8')).replace(/"gatekey-store\.bindings\.1\.json"/, '"../elsewhere.json"'));
    const store = await openStore();
    expect(store.status).toMatchObject({ state: 'unreadable', problem: expect.stringMatching(/parts\.bindings is not a snapshot name of this store/) });
  });
});

describe('migrating a single-file store', () => {
  it('a version 3 file is kept as .v3.bak and as a backup; the first save writes the journaled layout', async () => {
    const v3 = `${JSON.stringify({ schemaVersion: 3, accessKeys: [key(1)], apiGroups: [], authorizations: [], bindings: [], jdcloud: { account: null, deletedAuthorizations: [] } })}\n`;
    await writeFile(file, v3);
    const store = await openStore();
    expect(await readFile(`${file}.v3.bak`, 'utf8')).toBe(v3);
    expect(await readFile(file, 'utf8')).toBe(v3); // not rewritten until a change
    await store.update((data) => data.accessKeys.push(key(2)));
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ schemaVersion: 4 });
    expect(await keyNamesOnDisk(file)).toEqual(['key-1', 'key-2']);
    const [backup] = await readdir(join(dir, 'backups'));
    expect(await readFile(join(dir, 'backups', backup!), 'utf8')).toBe(v3);
  });

  it('the read-only command line reads a single file and a journaled store, writes nothing, and reads only the parts asked for', async () => {
    await writeFile(file, storeText(1, 2));
    const readOnly = await openStore({ readOnly: true });
    expect(readOnly.read().accessKeys).toHaveLength(2);
    expect(await readStoreParts(file, ['accessKeys'])).toEqual({ accessKeys: [key(1), key(2)] });
    expect(await readdir(dir)).toEqual(['gatekey-store.json']);

    await rm(file);
    const writer = await storeOf(3);
    await writer.update((data) => data.apiGroups.push({ id: '0000000000g1', name: 'orders', description: '', region: 'cn-north-1', environment: 'test', host: 'h.cn-north-1.jdcloud-api.net', createdAt: key(1).createdAt, updatedAt: key(1).updatedAt }));
    const before = await storeFilesOf(file);
    const parts = await readStoreParts(file, ['accessKeys'] as StorePart[]);
    expect(Object.keys(parts)).toEqual(['accessKeys']);
    expect(parts.accessKeys.map((k) => k.name)).toEqual(['key-1', 'key-2', 'key-3']);
    expect(await storeFilesOf(file)).toEqual(before);
  });
});

describe('changes by another program, by content', () => {
  it.each(['manifest', 'snapshot', 'journal'])('an edit of the %s: the writer reports a conflict and overwrites nothing', async (which) => {
    const store = await storeOf(2);
    const path = which === 'manifest' ? file : which === 'snapshot' ? await named('accessKeys') : await journal();
    const edited = which === 'manifest' ? (await readFile(path, 'utf8')).replace('"journalFrom"', '"journalFrom" ') : (await readFile(path, 'utf8')).replace(/key-\d/, 'key-Z');
    expect(edited).not.toBe(await readFile(path, 'utf8'));
    await writeFile(path, edited);
    await store.update((data) => data.accessKeys.push(key(3)));
    expect(store.status).toMatchObject({ state: 'conflict', unsavedChanges: { accessKeys: { created: { count: 1 } } } });
    expect(await readFile(path, 'utf8')).toBe(edited);
  });

  it('a touch, or a copy put back with the same content, of every file is no change', async () => {
    const store = await storeOf(2);
    const later = new Date(Date.now() + 60_000);
    for (const name of (await readdir(dir)).filter((name) => name.startsWith('gatekey-store'))) {
      const path = join(dir, name);
      await copyFile(path, `${path}.copy`);
      await rm(path);
      await copyFile(`${path}.copy`, path);
      await rm(`${path}.copy`);
      await utimes(path, later, later);
    }
    expect(await store.checkOutsideChange()).toEqual({ kind: 'unchanged' });
    await store.update((data) => data.accessKeys.push(key(3)));
    expect(store.status).toEqual({ state: 'ok', file });
    // The journal copied back is a new file: the change went into it, not into the one removed.
    expect(await keyNamesOnDisk(file)).toEqual(['key-1', 'key-2', 'key-3']);
  });

  it('a read-only instance reloads what the writer appends and what a compaction rewrites, and says which parts changed', async () => {
    const writer = await storeOf(1, { compaction: { entries: 3 } });
    const reader = await openStore();
    expect(reader.status).toMatchObject({ state: 'readOnly' });
    await writer.update((data) => data.accessKeys.push(key(2)));
    expect(await reader.checkOutsideChange()).toEqual({ kind: 'reloaded', collections: ['accessKeys'] });
    for (let n = 3; n <= 6; n += 1) await writer.update((data) => data.accessKeys.push(key(n)));
    await writer.flush();
    expect(await reader.checkOutsideChange()).toMatchObject({ kind: 'reloaded' });
    expect(reader.read()).toEqual(writer.read());
    expect(await reader.checkOutsideChange()).toEqual({ kind: 'unchanged' });
  });
});

describe('restoring from backups', () => {
  it.each(['snapshot', 'journal', 'manifest'])('a damaged %s: the newest backup folder is restored, the damaged files kept aside together', async (which) => {
    const store = await storeOf(3, { compaction: { entries: 1 } });
    await store.flush();
    await closed(store);
    const path = which === 'manifest' ? file : which === 'snapshot' ? await named('accessKeys') : await journal();
    if (which === 'journal') await writeFile(path, 'garbage\n{"seq":1}\n');
    else await truncate(path, 10);

    const damaged = await openStore();
    expect(damaged.status).toMatchObject({ state: 'unreadable', backupAvailable: true, restore: { backupHolds: { accessKeys: 3 } } });
    const { restoredFrom, movedAsideTo } = await damaged.restoreNewestBackup();
    expect(restoredFrom).toMatch(/^gatekey-store-[-0-9T]+Z$/);
    expect((await readdir(join(dir, movedAsideTo))).sort()).toEqual(expect.arrayContaining(['gatekey-store.json', expect.stringMatching(/\.jsonl$/)]));
    expect(damaged.read().accessKeys.map((k) => k.name)).toEqual(['key-1', 'key-2', 'key-3']);
    // It saves on, and the backup it came from stays as it was.
    const backupBefore = await storeFilesOf(join(dir, 'backups', restoredFrom, 'gatekey-store.json'));
    await damaged.update((data) => data.accessKeys.push(key(4)));
    expect(await keyNamesOnDisk(file)).toEqual(['key-1', 'key-2', 'key-3', 'key-4']);
    expect(await storeFilesOf(join(dir, 'backups', restoredFrom, 'gatekey-store.json'))).toEqual(backupBefore);
  });

  it('a backup in the single-file form (from before schemaVersion 4) is still listed and restored', async () => {
    await mkdir(join(dir, 'backups'));
    await writeFile(join(dir, 'backups', 'gatekey-store-2026-01-01T00-00-00-000Z.json'), storeText(7, 8));
    await closed(await storeOf(1));
    await truncate(await named('accessKeys'), 10);
    const damaged = await openStore();
    expect(damaged.status).toMatchObject({ state: 'unreadable', backupAvailable: true });
    const { restoredFrom } = await damaged.restoreNewestBackup();
    expect(restoredFrom).toBe('gatekey-store-2026-01-01T00-00-00-000Z.json');
    expect(damaged.read().accessKeys.map((k) => k.name)).toEqual(['key-7', 'key-8']);
    await damaged.update((data) => data.accessKeys.push(key(9)));
    expect(await keyNamesOnDisk(file)).toEqual(['key-7', 'key-8', 'key-9']);
  });
});

describe('hostile paths among the journaled files', () => {
  const mkfifo = (path: string) => execFileSync('mkfifo', [path]);
  it.each([
    ['a symlink', async (path: string) => symlink(join(dir, 'elsewhere'), path), /symbolic link/],
    ['a FIFO', async (path: string) => mkfifo(path), /named pipe/],
    ['a folder', async (path: string) => mkdir(path), /folder/],
  ] as const)('%s at a snapshot or journal path: refused at load, never opened or followed', async (_label, plant, problem) => {
    await writeFile(join(dir, 'elsewhere'), 'precious');
    for (const which of ['bindings', 'journal']) {
      await closed(await storeOf(1));
      const path = await named(which);
      await rm(path);
      await plant(path);
      const store = await openStore();
      expect(store.status).toMatchObject({ state: 'unreadable', problem: expect.stringMatching(problem) });
      expect(await readFile(join(dir, 'elsewhere'), 'utf8')).toBe('precious');
      await closed(store);
      await rm(path, { recursive: true });
      for (const name of await readdir(dir)) if (name.startsWith('gatekey-store')) await rm(join(dir, name), { recursive: true });
    }
  }, 60_000);

  it('a symlink at a snapshot’s temp path during a compaction: refused, the outside file unchanged, nothing lost', async () => {
    const store = await storeOf(1, { compaction: { entries: 2 } });
    await writeFile(join(dir, 'elsewhere'), 'precious');
    for (let n = 2; n <= 40; n += 1) await symlink(join(dir, 'elsewhere'), join(dir, `.gatekey-store.accessKeys.${n}.json.tmp`)).catch(() => undefined);
    for (let n = 2; n <= 4; n += 1) await store.update((data) => data.accessKeys.push(key(n)));
    await store.flush();
    expect(await readFile(join(dir, 'elsewhere'), 'utf8')).toBe('precious');
    expect(store.status).toEqual({ state: 'ok', file });
    expect(await keyNamesOnDisk(file)).toEqual(['key-1', 'key-2', 'key-3', 'key-4']);
    expect((await stat(join(dir, 'elsewhere'))).isFile()).toBe(true);
  });
});

describe('a save on disk whose stamp cannot be taken afterwards', () => {
  it('is reported saved, and the next save neither repeats it nor sees a change by another program', async () => {
    // fstat of the journal fails once, right after a write and fsync went through.
    const failStat = { armed: false };
    const ops: FileOps = {
      ...fs,
      open: (async (path: string, flags: string | number, mode?: number) => {
        const handle = await fs.open(path, flags, mode);
        if (!path.endsWith('.jsonl')) return handle;
        return new Proxy(handle, {
          get(target, name) {
            if (name === 'stat' && failStat.armed) {
              failStat.armed = false;
              return async () => {
                throw Object.assign(new Error('EIO: i/o error, fstat'), { code: 'EIO' });
              };
            }
            const value = Reflect.get(target, name) as unknown;
            return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
          },
        });
      }) as FileOps['open'],
    };
    const store = await openStore({ ops });
    await store.update((data) => data.accessKeys.push(key(1)));
    failStat.armed = true;
    await store.update((data) => data.accessKeys.push(key(2)));
    expect(failStat.armed).toBe(false);
    expect(store.status).toEqual({ state: 'ok', file });
    await store.update((data) => data.accessKeys.push(key(3)));
    expect(store.status).toEqual({ state: 'ok', file });
    await closed(store);
    const reopened = await openStore();
    expect(reopened.status).toEqual({ state: 'ok', file });
    expect(reopened.read().accessKeys.map((k) => k.name)).toEqual(['key-1', 'key-2', 'key-3']);
  });
});
