import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MetadataStore } from '../../../electron/storage/metadata-store';
import { STORE_FILE_VERSION, STORE_SCHEMA_VERSION } from '../../../electron/shared/store/schema';
import { blockSaves, readStoreOnDisk, storeFilesOf } from '../../support/store-files';

const record = {
  id: 'a280dc988b22',
  name: 'payments',
  description: 'test',
  apiKey: '0123456789ABCDEF0123456789ABCDEF',
  createdAt: '2026-11-29T10:00:00.000Z',
  updatedAt: '2026-11-29T10:00:00.000Z',
};

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gatekey-store-'));
  file = join(dir, 'gatekey-store.json');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('MetadataStore on a real file', () => {
  it('starts empty without creating the file, then saves changes as 0600 JSON files that a new instance reads back', async () => {
    const store = await MetadataStore.open(file);
    expect(store.status).toEqual({ state: 'ok', file });
    expect(store.read().accessKeys).toEqual([]);
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });

    await store.update((data) => data.accessKeys.push(record));

    expect((await stat(file)).mode & 0o777).toBe(0o600);
    // The store path holds the manifest: readable JSON naming the snapshot of each part and the journal to replay.
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ schemaVersion: STORE_FILE_VERSION, format: 'gatekey-journaled', parts: { accessKeys: expect.stringMatching(/^gatekey-store\.accessKeys\.\d+\.json$/) } });
    expect(await readStoreOnDisk(file)).toEqual({ schemaVersion: STORE_SCHEMA_VERSION, accessKeys: [record], apiGroups: [], authorizations: [], bindings: [], jdcloud: { account: null, deletedAuthorizations: [] } });
    const reopened = await MetadataStore.open(file);
    expect(reopened.read().accessKeys).toEqual([record]);
    await store.close();
    await reopened.close();
  });

  it('runs overlapping updates one after another, each on top of the last', async () => {
    const store = await MetadataStore.open(file);
    await Promise.all(
      ['a', 'b', 'c'].map((suffix, index) =>
        store.update((data) => data.accessKeys.push({ ...record, id: `a280dc988b2${index}`, name: `key-${suffix}` })),
      ),
    );
    const saved = (await readStoreOnDisk(file))!;
    expect(saved.accessKeys.map((key: { name: string }) => key.name)).toEqual(['key-a', 'key-b', 'key-c']);
    await store.close();
  });

  it('keeps memory and disk unchanged when a change throws', async () => {
    const store = await MetadataStore.open(file);
    await store.update((data) => data.accessKeys.push(record));
    const before = await storeFilesOf(file);
    await expect(
      store.update((data) => {
        data.accessKeys.length = 0;
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(store.read().accessKeys).toEqual([record]);
    expect(await storeFilesOf(file)).toEqual(before);
  });

  it('keeps a change whose save failed in memory, marked unsaved, the file whole, and saves it later', async () => {
    const store = await MetadataStore.open(file);
    await store.update((data) => data.accessKeys.push(record));
    const before = await storeFilesOf(file);
    // An immutable journal and folder make the write fail for real, even as root.
    const unblock = await blockSaves(dir);

    const other = { ...record, id: 'bbbbbbbbbbbb', name: 'other' };
    await store.update((data) => data.accessKeys.push(other));
    expect(store.read().accessKeys).toEqual([record, other]);
    expect(store.status).toMatchObject({ state: 'ok', unsaved: { problem: expect.stringMatching(/kept in memory and saving is retried/) } });
    expect(await storeFilesOf(file)).toEqual(before);
    expect(await store.flush()).toBe(false);

    await unblock();
    expect(await store.flush()).toBe(true);
    expect(store.status).toEqual({ state: 'ok', file });
    expect((await readStoreOnDisk(file))!.accessKeys).toEqual([record, other]);
    await store.close();
  }, 15_000);
});

describe('MetadataStore never overwrites a file it cannot understand', () => {
  const cases: [string, string | Buffer, RegExp][] = [
    ['empty', '', /empty/],
    ['truncated', JSON.stringify({ schemaVersion: 1, accessKeys: [record] }).slice(0, 40), /not valid JSON/],
    ['zero-filled', Buffer.alloc(512), /not valid JSON/],
    ['not JSON', 'hello, world', /not valid JSON/],
    ['an array', '[]', /top level is not an object/],
    ['from a newer Gatekey', JSON.stringify({ schemaVersion: 99, accessKeys: [], future: true }), /newer version of Gatekey \(schemaVersion 99/],
    ['without a schemaVersion', JSON.stringify({ accessKeys: [] }), /no schemaVersion Gatekey knows/],
    ['invalid', JSON.stringify({ schemaVersion: 1, accessKeys: [{ ...record, apiKey: 'short' }] }), /at accessKeys\.0\.apiKey/],
    ['holding unknown fields', JSON.stringify({ schemaVersion: 1, accessKeys: [{ ...record, apiSecret: 'X' }] }), /store format/],
  ];

  it.each(cases)('a file that is %s is reported, named and left byte for byte as it was', async (_label, content, problem) => {
    await writeFile(file, content);
    const store = await MetadataStore.open(file);

    expect(store.status).toMatchObject({ state: 'unreadable', file, problem: expect.stringMatching(problem) });
    expect(() => store.read()).toThrow(expect.objectContaining({ code: 'STORE_UNREADABLE', message: expect.stringContaining(file) }));
    await expect(store.update((data) => data.accessKeys.push(record))).rejects.toMatchObject({ code: 'STORE_UNREADABLE' });
    expect(await readFile(file)).toEqual(Buffer.from(content));
  });

  it('reports a path it cannot read as a file', async () => {
    await mkdir(file);
    const store = await MetadataStore.open(file);
    expect(store.status).toMatchObject({ state: 'unreadable', problem: expect.stringMatching(/folder, not a file/) });
    expect((await stat(file)).isDirectory()).toBe(true);
  });
});
