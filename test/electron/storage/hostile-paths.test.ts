import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, open, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempPathOf } from '../../../electron/storage/durable-write';
import { MetadataStore } from '../../../electron/storage/metadata-store';
import { key, storeText } from '../../support/store-records';
import { readStoreOnDisk } from '../../support/store-files';

/** Compacts after every save: each save after the first keeps a backup folder. */
const compactEverySave = { compaction: { entries: 1 } };

// Files that are not what they seem, made for real: FIFOs (mkfifo), symlinks, folders.

let dir: string;
let file: string;
const opened: MetadataStore[] = [];
/** A FIFO opened for a blocking read never answers: fail the test instead of hanging the run. */
const openStore = async (...args: Parameters<typeof MetadataStore.open>) => {
  const store = await Promise.race([
    MetadataStore.open(...args),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('MetadataStore.open hung')), 20_000).unref()),
  ]);
  opened.push(store);
  return store;
};
const mkfifo = (path: string) => execFileSync('mkfifo', [path]);
/** A file of `bytes` that takes no disk space (sparse): what a runaway process or a wrong copy could leave. */
const sparse = async (path: string, bytes: number) => {
  const handle = await open(path, 'w');
  await handle.truncate(bytes);
  await handle.close();
};

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gatekey-hostile-'));
  file = join(dir, 'gatekey-store.json');
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
  await rm(dir, { recursive: true, force: true });
});

describe('at the store path', () => {
  it('a FIFO: start-up answers at once, unreadable with the reason, and never opens it to read', async () => {
    mkfifo(file);
    const store = await openStore(file);
    expect(store.status).toMatchObject({ state: 'unreadable', problem: expect.stringMatching(/named pipe \(FIFO\), not a file/) });
    expect(() => store.read()).toThrow(/named pipe/);
    expect((await stat(file)).isFIFO()).toBe(true);
  }, 60_000);

  it('the read-only command line does not hang on a FIFO either', async () => {
    mkfifo(file);
    const store = await openStore(file, { readOnly: true });
    expect(store.status).toMatchObject({ state: 'unreadable', problem: expect.stringMatching(/FIFO/) });
  }, 60_000);

  it('a symlink to a valid store elsewhere: refused, not followed', async () => {
    const elsewhere = join(dir, 'elsewhere.json');
    await writeFile(elsewhere, storeText(1));
    await symlink(elsewhere, file);
    const store = await openStore(file);
    expect(store.status).toMatchObject({ state: 'unreadable', problem: expect.stringMatching(/symbolic link, not a file/) });
    expect(await readFile(elsewhere, 'utf8')).toBe(storeText(1));
  });

  it('a folder: unreadable, and restoring a backup will not move it', async () => {
    const healthy = await openStore(file, compactEverySave);
    await healthy.update((data) => data.accessKeys.push(key(1)));
    await healthy.update((data) => data.accessKeys.push(key(2)));
    await healthy.close();
    await rm(file);
    await mkdir(file);
    const store = await openStore(file);
    expect(store.status).toMatchObject({ state: 'unreadable', backupAvailable: true, problem: expect.stringMatching(/folder, not a file/) });
    await expect(store.restoreNewestBackup()).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/is a folder/) });
    expect((await stat(file)).isDirectory()).toBe(true);
  });
});

describe('a huge file (2.5 GiB, sparse) is refused by its size, never read whole', () => {
  it('at the store path: unreadable, with its own reason; a valid backup is still offered', async () => {
    const healthy = await openStore(file, compactEverySave);
    await healthy.update((data) => data.accessKeys.push(key(1)));
    await healthy.update((data) => data.accessKeys.push(key(2)));
    await healthy.close();
    await sparse(file, 2.5 * 1024 ** 3);
    const store = await openStore(file);
    expect(store.status).toMatchObject({ state: 'unreadable', backupAvailable: true, problem: expect.stringMatching(/^The file is 2560 MiB, larger than the 1024 MiB Gatekey reads/) });
  }, 60_000);

  it('among the backups: skipped, and the next valid one is restored', async () => {
    const healthy = await openStore(file, compactEverySave);
    await healthy.update((data) => data.accessKeys.push(key(1)));
    await healthy.update((data) => data.accessKeys.push(key(2)));
    await healthy.close();
    await sparse(join(dir, 'backups', 'gatekey-store-2999-01-01T00-00-00-000Z.json'), 2.5 * 1024 ** 3);
    await mkdir(join(dir, 'backups', 'gatekey-store-2998-01-01T00-00-00-000Z'));
    await sparse(join(dir, 'backups', 'gatekey-store-2998-01-01T00-00-00-000Z', 'gatekey-store.json'), 2.5 * 1024 ** 3);
    await writeFile(file, 'damaged');
    const store = await openStore(file);
    const { restoredFrom } = await store.restoreNewestBackup();
    expect(restoredFrom).not.toMatch(/2999|2998/);
    expect(store.read().accessKeys.map((k) => k.name)).toEqual(['key-1', 'key-2']);
  }, 60_000);

  it('swapped in at the store path while open: a save treats it as a change by another program, without reading it', async () => {
    const store = await openStore(file);
    await store.update((data) => data.accessKeys.push(key(1)));
    await sparse(file, 2.5 * 1024 ** 3);
    await store.update((data) => data.accessKeys.push(key(2)));
    expect(store.status).toMatchObject({ state: 'conflict' });
  }, 60_000);
});

describe('at the temp path of a save', () => {
  it('a symlink to a file outside: the save refuses it, the outside file is unchanged, the change is kept', async () => {
    const legacy = await openStore(file);
    await legacy.close();
    await writeFile(file, storeText(1)); // a single file: the next save writes the manifest through its temp path
    const store = await openStore(file);
    const outside = join(await mkdtemp(join(tmpdir(), 'gatekey-outside-')), 'victim.txt');
    await writeFile(outside, 'precious');
    await symlink(outside, tempPathOf(file));

    await store.update((data) => data.accessKeys.push(key(2)));
    expect(await readFile(outside, 'utf8')).toBe('precious');
    expect(store.status).toMatchObject({ state: 'ok', unsaved: { problem: expect.stringMatching(/symbolic link, not a regular file/) } });
    expect(await readFile(file, 'utf8')).toBe(storeText(1));
    expect(store.read().accessKeys).toHaveLength(2);

    await rm(tempPathOf(file));
    expect(await store.flush()).toBe(true);
    expect((await readStoreOnDisk(file))!.accessKeys).toHaveLength(2);
    await rm(join(outside, '..'), { recursive: true, force: true });
  });

  it('a FIFO: refused without opening it', async () => {
    const store = await openStore(file);
    mkfifo(tempPathOf(file));
    await store.update((data) => data.accessKeys.push(key(1)));
    expect(store.status).toMatchObject({ state: 'ok', unsaved: { problem: expect.stringMatching(/named pipe/) } });
  }, 60_000);
});

describe('among the backups', () => {
  it('a FIFO at a backup path is skipped: the newest valid backup is found and restored, without hanging', async () => {
    const healthy = await openStore(file, compactEverySave);
    await healthy.update((data) => data.accessKeys.push(key(1)));
    await healthy.update((data) => data.accessKeys.push(key(2)));
    await healthy.close();
    // Sorts as the newest backup of all.
    mkfifo(join(dir, 'backups', 'gatekey-store-2999-01-01T00-00-00-000Z.json'));
    await writeFile(file, 'damaged');

    const store = await openStore(file);
    expect(store.status).toMatchObject({ state: 'unreadable', backupAvailable: true });
    const { restoredFrom } = await store.restoreNewestBackup();
    expect(restoredFrom).not.toContain('2999');
    expect(store.read().accessKeys.map((k) => k.name)).toEqual(['key-1', 'key-2']);
    expect(await readdir(join(dir, 'backups'))).toContain('gatekey-store-2999-01-01T00-00-00-000Z.json');
  }, 60_000);
});
