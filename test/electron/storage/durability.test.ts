import { execFileSync } from 'node:child_process';
import { constants as fsConstants } from 'node:fs';
import * as fs from 'node:fs/promises';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXCLUSIVE_CREATE, type FileOps } from '../../../electron/storage/durable-write';
import { LOCK_FILE_NAME, MetadataStore } from '../../../electron/storage/metadata-store';
import { canMountTmpfs } from '../../support/tmpfs';
import { key } from '../../support/store-records';


let dir: string;
let file: string;
const open: MetadataStore[] = [];
const openStore = async (...args: Parameters<typeof MetadataStore.open>) => {
  const store = await MetadataStore.open(...args);
  open.push(store);
  return store;
};
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gatekey-durable-'));
  file = join(dir, 'gatekey-store.json');
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
  await rm(dir, { recursive: true, force: true });
});

const names = async (store: MetadataStore) => store.read().accessKeys.map((k) => k.name);
const onDisk = async () => JSON.parse(await readFile(file, 'utf8')).accessKeys.map((k: { name: string }) => k.name);

describe('saving', () => {
  it('writes a temp file, fsyncs it, renames it over the store and fsyncs the folder', async () => {
    const calls: string[] = [];
    const ops: FileOps = {
      ...fs,
      open: (async (path: string, flags: string | number, mode?: number) => {
        const handle = await fs.open(path, flags, mode);
        const what = path === dir ? 'folder' : path.endsWith('.tmp') ? 'temp' : path;
        calls.push(`open ${what} ${flags === EXCLUSIVE_CREATE ? 'exclusive' : flags}${mode === undefined ? '' : ` ${mode.toString(8)}`}`);
        const sync = handle.sync.bind(handle);
        handle.sync = async () => {
          calls.push(`fsync ${what}`);
          return sync();
        };
        return handle;
      }) as FileOps['open'],
      rename: async (from, to) => {
        calls.push(`rename ${String(from).endsWith('.tmp') ? 'temp' : from} -> ${to === file ? 'store' : to}`);
        return fs.rename(from, to);
      },
    };
    const store = await openStore(file, { ops });
    await store.update((data) => data.accessKeys.push(key(1)));
    expect(calls).toEqual(['open temp exclusive 600', 'fsync temp', 'rename temp -> store', 'open folder r', 'fsync folder']);
  });

  it('creates the temp file exclusively (O_CREAT|O_EXCL|O_WRONLY|O_NOFOLLOW)', () => {
    const { O_CREAT, O_EXCL, O_WRONLY, O_NOFOLLOW } = fsConstants;
    expect(EXCLUSIVE_CREATE).toBe(O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW);
  });

  it('keeps the file 0600 after every save, even when something loosened it', async () => {
    const store = await openStore(file);
    await store.update((data) => data.accessKeys.push(key(1)));
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    await chmod(file, 0o644);
    await store.update((data) => data.accessKeys.push(key(2)));
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('ignores and replaces a stale temp file left by a crash', async () => {
    const first = await openStore(file);
    await first.update((data) => data.accessKeys.push(key(1)));
    await first.close();
    await writeFile(join(dir, '.gatekey-store.json.tmp'), '{"half": "written', { mode: 0o644 });

    const store = await openStore(file);
    expect(await names(store)).toEqual(['key-1']);
    await store.update((data) => data.accessKeys.push(key(2)));
    expect(await onDisk()).toEqual(['key-1', 'key-2']);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    await expect(stat(join(dir, '.gatekey-store.json.tmp'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('bursts of changes', () => {
  it('are applied in order and written together, not one file write each', async () => {
    let renames = 0;
    const ops: FileOps = { ...fs, rename: async (from, to) => ((renames += 1), fs.rename(from, to)) };
    const store = await openStore(file, { ops });
    await Promise.all(Array.from({ length: 20 }, (_, n) => store.update((data) => data.accessKeys.push(key(n + 1)))));
    expect(await onDisk()).toEqual(Array.from({ length: 20 }, (_, n) => `key-${n + 1}`));
    expect(renames).toBeGreaterThanOrEqual(1);
    expect(renames).toBeLessThanOrEqual(3);
  });

  it('leave the data as it was when a change throws halfway', async () => {
    const store = await openStore(file);
    await store.update((data) => data.accessKeys.push(key(1)));
    await expect(
      store.update((data) => {
        data.accessKeys.push(key(2));
        data.apiGroups.length = 0;
        throw new Error('halfway');
      }),
    ).rejects.toThrow('halfway');
    expect(await names(store)).toEqual(['key-1']);
    expect(store.index('accessKeyById').has(key(2).id)).toBe(false);
  });
});

describe('rolling backups', () => {
  it('keeps the state before each of the last 5 saves', async () => {
    const store = await openStore(file);
    for (let n = 1; n <= 8; n += 1) await store.update((data) => data.accessKeys.push(key(n)));
    const backups = (await readdir(join(dir, 'backups'))).sort();
    expect(backups).toHaveLength(5);
    const contents = await Promise.all(backups.map(async (name) => JSON.parse(await readFile(join(dir, 'backups', name), 'utf8')).accessKeys.length));
    expect(contents).toEqual([3, 4, 5, 6, 7]);
  });

  it('also keeps the newest of each of the last 7 days', async () => {
    let day = 1;
    let minute = 0;
    const store = await openStore(file, { now: () => new Date(Date.UTC(2026, 10, day, 12, minute++)) });
    for (day = 1; day <= 10; day += 1) {
      for (let n = 0; n < 2; n += 1) await store.update((data) => data.accessKeys.push(key(day * 10 + n)));
    }
    const days = (await readdir(join(dir, 'backups'))).map((name) => name.slice('gatekey-store-'.length, 'gatekey-store-'.length + 10));
    // The last 5 saves fall on days 8-10; one each for days 4-7 (within 7 days of day 10) as well.
    expect([...new Set(days)].sort()).toEqual(['2026-11-04', '2026-11-05', '2026-11-06', '2026-11-07', '2026-11-08', '2026-11-09', '2026-11-10']);
    expect(days.length).toBe(9);
  });
});

describe('write failures keep the change and the file whole', () => {
  const failing = (code: string, at: 'write' | 'rename'): FileOps => ({
    ...fs,
    open: (async (path: string, flags: string | number, mode?: number) => {
      const handle = await fs.open(path, flags, mode);
      if (at === 'write' && path.endsWith('.tmp')) {
        handle.writeFile = async () => {
          throw Object.assign(new Error(code), { code });
        };
      }
      return handle;
    }) as FileOps['open'],
    rename: async (from, to) => {
      if (at === 'rename') throw Object.assign(new Error(code), { code });
      return fs.rename(from, to);
    },
  });

  it.each([
    ['disk full (injected ENOSPC)', 'ENOSPC', 'write'],
    ['permission denied (injected EACCES)', 'EACCES', 'rename'],
    ['not permitted (injected EPERM)', 'EPERM', 'write'],
  ] as const)('%s', async (_label, code, at) => {
    const healthy = await openStore(file);
    await healthy.update((data) => data.accessKeys.push(key(1)));
    await healthy.close();
    const before = await readFile(file, 'utf8');

    const store = await openStore(file, { ops: failing(code, at) });
    await store.update((data) => data.accessKeys.push(key(2)));
    expect(await names(store)).toEqual(['key-1', 'key-2']);
    expect(store.status).toMatchObject({ state: 'ok', unsaved: { problem: expect.stringContaining(code) } });
    expect(await readFile(file, 'utf8')).toBe(before);
    await expect(stat(join(dir, '.gatekey-store.json.tmp'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it.runIf(canMountTmpfs)('a real full disk (64 KiB tmpfs): the change is kept, the file whole, and it saves once there is room', async () => {
    const mountPoint = join(dir, 'small');
    await mkdir(mountPoint);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mountPoint]);
    try {
      const small = join(mountPoint, 'gatekey-store.json');
      const store = await MetadataStore.open(small);
      await store.update((data) => data.accessKeys.push(key(1)));
      const before = await readFile(small, 'utf8');
      await writeFile(join(mountPoint, 'filler'), Buffer.alloc(60 * 1024)).catch(() => undefined); // fill the rest

      await store.update((data) => {
        for (let n = 2; n < 40; n += 1) data.accessKeys.push(key(n));
      });
      expect(store.status).toMatchObject({ state: 'ok', unsaved: { problem: expect.stringContaining('ENOSPC') } });
      expect(store.read().accessKeys).toHaveLength(39);
      expect(await readFile(small, 'utf8')).toBe(before);

      await rm(join(mountPoint, 'filler'));
      expect(await store.flush()).toBe(true);
      expect(JSON.parse(await readFile(small, 'utf8')).accessKeys).toHaveLength(39);
      await store.close();
    } finally {
      execFileSync('umount', [mountPoint]);
    }
  });
});

describe('other writers', () => {
  it('stops and asks when something else changed the file, then reloads it on request', async () => {
    const store = await openStore(file);
    await store.update((data) => data.accessKeys.push(key(1)));
    const theirs = JSON.stringify({ schemaVersion: 2, accessKeys: [key(9)], apiGroups: [], authorizations: [], bindings: [] });
    await writeFile(file, theirs);

    await store.update((data) => data.accessKeys.push(key(2)));
    expect(store.status).toMatchObject({ state: 'conflict', problem: expect.stringMatching(/changed by another program/) });
    expect(await readFile(file, 'utf8')).toBe(theirs);
    await expect(store.update((data) => data.accessKeys.push(key(3)))).rejects.toMatchObject({ code: 'STORE_CONFLICT' });

    await store.resolveConflict('reload');
    expect(store.status.state).toBe('ok');
    expect(await names(store)).toEqual(['key-9']);
  });

  it('writes its own version over theirs only when told to', async () => {
    const store = await openStore(file);
    await store.update((data) => data.accessKeys.push(key(1)));
    await writeFile(file, JSON.stringify({ schemaVersion: 2, accessKeys: [], apiGroups: [], authorizations: [], bindings: [] }));
    await store.update((data) => data.accessKeys.push(key(2)));
    expect(store.status.state).toBe('conflict');
    await store.resolveConflict('overwrite');
    expect(store.status).toEqual({ state: 'ok', file });
    expect(await onDisk()).toEqual(['key-1', 'key-2']);
  });

  it('notices an in-place edit that keeps the size and the time (touch -r, rsync --inplace -t)', async () => {
    const store = await openStore(file);
    await store.update((data) => data.accessKeys.push(key(1)));
    const reference = join(dir, 'reference');
    execFileSync('touch', ['-r', file, reference]); // remembers the times to the nanosecond
    const before = await stat(file, { bigint: true });
    const edited = (await readFile(file, 'utf8')).replace('"key-1"', '"key-X"');
    const handle = await fs.open(file, 'r+'); // same inode, same length: rewritten in place
    await handle.write(edited, 0, 'utf8');
    await handle.close();
    execFileSync('touch', ['-r', reference, file]);
    const after = await stat(file, { bigint: true });
    expect([after.ino, after.size, after.mtimeNs]).toEqual([before.ino, before.size, before.mtimeNs]);

    await store.update((data) => data.accessKeys.push(key(2)));
    expect(store.status.state).toBe('conflict');
    expect(await readFile(file, 'utf8')).toBe(edited);
  });

  it('does not mistake a touch (same bytes, new time) for a change', async () => {
    const store = await openStore(file);
    await store.update((data) => data.accessKeys.push(key(1)));
    const later = new Date(Date.now() + 60_000);
    await fs.utimes(file, later, later);
    await store.update((data) => data.accessKeys.push(key(2)));
    expect(store.status).toEqual({ state: 'ok', file });
  });

  it('lets one process write a data folder at a time; a second one only reads', async () => {
    const first = await openStore(file);
    await first.update((data) => data.accessKeys.push(key(1)));
    const second = await openStore(file);
    expect(second.status).toMatchObject({ state: 'readOnly', problem: expect.stringContaining(`process ${process.pid}`) });
    expect(await names(second)).toEqual(['key-1']);
    await expect(second.update((data) => data.accessKeys.push(key(2)))).rejects.toMatchObject({ code: 'STORE_READ_ONLY' });

    await first.close();
    const third = await openStore(file);
    expect(third.status.state).toBe('ok');
  });

  it('takes over a lock from before this boot, even when its process number is in use again', async () => {
    await writeFile(join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: process.pid, host: (await import('node:os')).hostname(), since: '2000-01-01T00:00:00Z' }));
    const store = await openStore(file);
    expect(store.status.state).toBe('ok');
  });

  it('refuses changes once closed, and never writes after letting go of the lock', async () => {
    const store = await openStore(file);
    await store.update((data) => data.accessKeys.push(key(1)));
    await store.close();
    await expect(store.update((data) => data.accessKeys.push(key(2)))).rejects.toMatchObject({ code: 'STORE_READ_ONLY' });
    expect(await onDisk()).toEqual(['key-1']);
  });

  it('takes over a lock left by a process that is gone', async () => {
    await writeFile(join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname(), since: '2026-01-01T00:00:00Z' }));
    const store = await openStore(file);
    expect(store.status.state).toBe('ok');
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE_NAME), 'utf8')).pid).toBe(process.pid);
  });
});

describe('recovering a damaged file', () => {
  it('moves the bad file aside and restores the newest valid backup', async () => {
    const store = await openStore(file);
    for (let n = 1; n <= 3; n += 1) await store.update((data) => data.accessKeys.push(key(n)));
    await store.close();
    open.splice(open.indexOf(store), 1);
    await writeFile(file, Buffer.alloc(300)); // zero-filled

    const damaged = await openStore(file);
    expect(damaged.status).toMatchObject({ state: 'unreadable', backupAvailable: true });
    const { restoredFrom, movedAsideTo } = await damaged.restoreNewestBackup();
    expect(restoredFrom).toMatch(/^gatekey-store-.*\.json$/);
    expect(await readFile(join(dir, movedAsideTo))).toEqual(Buffer.alloc(300));
    expect(damaged.status.state).toBe('ok');
    expect(await names(damaged)).toEqual(['key-1', 'key-2']); // the state before the last save
    await damaged.close();
    await expect(stat(join(dir, LOCK_FILE_NAME))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it.runIf(canMountTmpfs)('a restore that fails for a full disk (64 KiB tmpfs) puts the damaged file back: never an empty store path', async () => {
    const mountPoint = join(dir, 'small');
    await mkdir(mountPoint);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mountPoint]);
    try {
      const small = join(mountPoint, 'gatekey-store.json');
      const store = await MetadataStore.open(small);
      await store.update((data) => {
        for (let n = 1; n < 80; n += 1) data.accessKeys.push(key(n)); // ~20 KiB: more than the room left below
      });
      await store.update((data) => data.accessKeys.push(key(80))); // the first version becomes a backup (a hard link)
      await store.close();
      await writeFile(small, 'damaged');
      // Room for the lock (one page), not for the restored file.
      await writeFile(join(mountPoint, 'spare'), Buffer.alloc(8 * 1024));
      await writeFile(join(mountPoint, 'filler'), Buffer.alloc(64 * 1024)).catch(() => undefined);
      await rm(join(mountPoint, 'spare'));

      const damaged = await MetadataStore.open(small);
      expect(damaged.status).toMatchObject({ state: 'unreadable', backupAvailable: true });
      await expect(damaged.restoreNewestBackup()).rejects.toMatchObject({ code: 'ENOSPC' });
      expect(await readFile(small, 'utf8')).toBe('damaged');
      expect((await readdir(mountPoint)).filter((name) => name.includes('corrupt'))).toEqual([]);
      expect(damaged.status.state).toBe('unreadable');

      await rm(join(mountPoint, 'filler'));
      await damaged.restoreNewestBackup();
      expect(damaged.read().accessKeys).toHaveLength(79);
      await damaged.close();
    } finally {
      execFileSync('umount', [mountPoint]);
    }
  }, 60_000);

  it('leaves the file untouched when there is no valid backup', async () => {
    await writeFile(file, 'garbage');
    const store = await openStore(file);
    expect(store.status).toMatchObject({ state: 'unreadable', backupAvailable: false });
    await expect(store.restoreNewestBackup()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await readFile(file, 'utf8')).toBe('garbage');
  });
});
