import { mkdtemp, readdir, rm, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MetadataStore } from '../../../electron/storage/metadata-store';
import { key } from '../../support/store-records';

// A restore puts copies of a backup's files in place, then the manifest that
// names them. A power cut right after must not leave that durable manifest
// over a copy whose data never reached the disk: every copy is fsync'd before
// the manifest is written. Which files were fsync'd, and when, is recorded
// from the real file-system calls (they still run, on real files).

const { calls, disk } = vi.hoisted(() => ({ calls: [] as string[], disk: { noHardLinks: false } }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const open = async (path: string, flags?: string | number, mode?: number) => {
    const handle = await real.open(path, flags, mode);
    return new Proxy(handle, {
      get(target, name) {
        if (name === 'sync') {
          return async () => {
            await target.sync();
            calls.push(`sync ${path}`);
          };
        }
        const value = Reflect.get(target, name) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  };
  const copyFile = async (from: string, to: string, mode?: number) => {
    await real.copyFile(from, to, mode);
    calls.push(`copy ${to}`);
  };
  const rename = async (from: string, to: string) => {
    await real.rename(from, to);
    calls.push(`rename ${to}`);
  };
  // A file system without hard links (FAT, some network shares): every second name is a copy.
  const link = async (from: string, to: string) => {
    if (disk.noHardLinks) throw Object.assign(new Error(`EPERM: operation not permitted, link '${from}' -> '${to}'`), { code: 'EPERM' });
    return real.link(from, to);
  };
  const mocked = { ...real, open, copyFile, rename, link };
  return { ...mocked, default: mocked };
});

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gatekey-restore-sync-'));
  file = join(dir, 'gatekey-store.json');
  disk.noHardLinks = false;
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** A store of keys 1..4 with a backup folder (from a compaction), then its accessKeys snapshot damaged. */
async function damagedStoreWithBackup(): Promise<void> {
  const store = await MetadataStore.open(file, { compaction: { entries: 2 } });
  for (let i = 1; i <= 4; i += 1) {
    await store.update((data) => data.accessKeys.push(key(i)));
    await store.flush();
  }
  await store.close();
  await truncate(join(dir, (await readdir(dir)).find((name) => name.startsWith('gatekey-store.accessKeys.'))!), 10);
}

/** Restores, and says every file copied into the data folder and whether it was fsync'd before the manifest was put in place. */
async function restoreRecorded(): Promise<{ copies: string[]; unsynced: string[] }> {
  const damaged = await MetadataStore.open(file);
  expect(damaged.status).toMatchObject({ state: 'unreadable', backupAvailable: true });
  calls.length = 0;
  await damaged.restoreNewestBackup();
  expect(damaged.read().accessKeys.length).toBeGreaterThanOrEqual(2);
  await damaged.close();
  const committed = calls.indexOf(`rename ${file}`);
  expect(committed).toBeGreaterThan(-1);
  const copies = calls.slice(0, committed).filter((call) => call.startsWith(`copy ${dir}/`)).map((call) => call.slice('copy '.length));
  const unsynced = copies.filter((path) => {
    const synced = calls.indexOf(`sync ${path}`, calls.indexOf(`copy ${path}`));
    return synced === -1 || synced > committed;
  });
  return { copies, unsynced };
}

describe('restoring a backup folder', () => {
  it('fsyncs every journal it copies into place before it writes the manifest', async () => {
    await damagedStoreWithBackup();
    const { copies, unsynced } = await restoreRecorded();
    expect(copies.filter((path) => path.endsWith('.jsonl')).length).toBeGreaterThan(0);
    expect(unsynced).toEqual([]);
  });

  it('without hard links, fsyncs every file it copies instead before it writes the manifest', async () => {
    await damagedStoreWithBackup();
    disk.noHardLinks = true;
    const { copies, unsynced } = await restoreRecorded();
    expect(copies.filter((path) => path.endsWith('.json')).length).toBeGreaterThan(0); // the snapshots too, and the damaged manifest kept aside
    expect(unsynced).toEqual([]);
  });
});
