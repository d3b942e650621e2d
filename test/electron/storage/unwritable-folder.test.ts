import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { MetadataStore } from '../../../electron/storage/metadata-store';
import { canMountTmpfs } from '../../support/tmpfs';

/*
 * A data folder Gatekey cannot write, made for real: a small tmpfs, remounted
 * read-only or filled up. chmod cannot stand in for it (root ignores modes),
 * so these run only where mounting works (root on Linux, as in CI here).
 */
const STORE = JSON.stringify({
  schemaVersion: 2,
  accessKeys: [{ id: '000000000001', name: 'kept', description: '', apiKey: '1'.padStart(32, '0'), createdAt: '2026-11-29T10:00:00.000Z', updatedAt: '2026-11-29T10:00:00.000Z' }],
  apiGroups: [],
  authorizations: [],
  bindings: [],
});

let dir: string;
let mountPoint: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gatekey-unwritable-'));
  mountPoint = join(dir, 'data');
  await mkdir(mountPoint);
  if (canMountTmpfs) execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k,mode=0700', 'tmpfs', mountPoint]);
});
afterEach(async () => {
  if (canMountTmpfs) execFileSync('umount', [mountPoint]);
  await rm(dir, { recursive: true, force: true });
});

it.runIf(canMountTmpfs)('a read-only data folder: opens read-only, shows the data, says why and how to fix it, writes nothing', async () => {
  const file = join(mountPoint, 'gatekey-store.json');
  await writeFile(file, STORE);
  execFileSync('mount', ['-o', 'remount,ro', mountPoint]);

  const store = await MetadataStore.open(file);
  expect(store.status).toMatchObject({
    state: 'readOnly',
    cause: 'readOnlyFolder',
    problem: expect.stringMatching(/The data folder is read-only \(EROFS\).*Make the folder writable/),
  });
  expect(store.read().accessKeys.map((k) => k.name)).toEqual(['kept']);
  await expect(store.update((data) => data.accessKeys.splice(0))).rejects.toMatchObject({ code: 'STORE_READ_ONLY' });
  await store.close();
  expect(await readdir(mountPoint)).toEqual(['gatekey-store.json']);
});

it.runIf(canMountTmpfs)('a read-only disk where the data folder does not exist yet: read-only and empty, not a crash', async () => {
  execFileSync('mount', ['-o', 'remount,ro', mountPoint]);
  const store = await MetadataStore.open(join(mountPoint, 'Gatekey', 'gatekey-store.json'));
  expect(store.status).toMatchObject({ state: 'readOnly', cause: 'readOnlyFolder' });
  expect(store.read().accessKeys).toEqual([]);
  await store.close();
});

it.runIf(canMountTmpfs)('a full disk at start-up: opens read-only, says the disk is full, and leaves no 0-byte lock or temp file', async () => {
  const file = join(mountPoint, 'gatekey-store.json');
  await writeFile(file, STORE);
  // Fill every last block (tmpfs hands out whole pages, so keep going until it refuses).
  for (let n = 0; ; n += 1) {
    try {
      await writeFile(join(mountPoint, `filler-${n}`), Buffer.alloc(4096));
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
      break;
    }
  }
  const before = (await readdir(mountPoint)).sort();

  const store = await MetadataStore.open(file);
  expect(store.status).toMatchObject({ state: 'readOnly', cause: 'diskFull', problem: expect.stringMatching(/The disk is full \(ENOSPC\).*Free some space/) });
  expect(store.read().accessKeys.map((k) => k.name)).toEqual(['kept']);
  await store.close();
  expect((await readdir(mountPoint)).sort()).toEqual(before);
});
