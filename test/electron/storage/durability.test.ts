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
import { keyNamesOnDisk, readStoreOnDisk, storeFilesOf } from '../../support/store-files';


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
const onDisk = () => keyNamesOnDisk(file);
/** Compacts after every save (normally after thousands): each one makes new snapshots, a manifest and a backup. */
const compactEverySave = { compaction: { entries: 1 } };
const journalOf = async () => (await readdir(dir)).filter((name) => name.endsWith('.jsonl'));

describe('saving', () => {
  it('the first save writes each part durably and the manifest last; a later save is one append and one fsync of the journal', async () => {
    const calls: string[] = [];
    const named = (path: string) => (path === dir ? 'folder' : path.endsWith('.tmp') ? 'temp' : path === file ? 'store' : path.endsWith('.jsonl') ? 'journal' : 'snapshot');
    const ops: FileOps = {
      ...fs,
      open: (async (path: string, flags: string | number, mode?: number) => {
        const handle = await fs.open(path, flags, mode);
        const what = named(path);
        calls.push(`open ${what} ${flags === EXCLUSIVE_CREATE ? 'exclusive' : typeof flags === 'number' ? 'flags' : flags}${mode === undefined ? '' : ` ${mode.toString(8)}`}`);
        const sync = handle.sync.bind(handle);
        handle.sync = async () => {
          calls.push(`fsync ${what}`);
          return sync();
        };
        const write = handle.write.bind(handle) as (...args: unknown[]) => Promise<{ bytesWritten: number }>;
        handle.write = (async (...args: unknown[]) => {
          calls.push(`write ${what}`);
          return write(...args);
        }) as typeof handle.write;
        return handle;
      }) as FileOps['open'],
      rename: async (from, to) => {
        calls.push(`rename ${named(String(from))} -> ${named(String(to))}`);
        return fs.rename(from, to);
      },
    };
    const store = await openStore(file, { ops });
    await store.update((data) => data.accessKeys.push(key(1)));
    const durably = (what: string) => ['open temp exclusive 600', 'fsync temp', `rename temp -> ${what}`, 'open folder r', 'fsync folder'];
    expect(calls).toEqual([
      ...Array.from({ length: 5 }, () => durably('snapshot')).flat(),
      'open journal exclusive 600',
      'fsync journal',
      'open folder r',
      'fsync folder',
      ...durably('store'),
    ]);
    calls.length = 0;
    await store.update((data) => data.accessKeys.push(key(2)));
    expect(calls).toEqual(['write journal', 'fsync journal']);
    expect(await onDisk()).toEqual(['key-1', 'key-2']);
  });

  it('creates the temp file exclusively (O_CREAT|O_EXCL|O_WRONLY|O_NOFOLLOW)', () => {
    const { O_CREAT, O_EXCL, O_WRONLY, O_NOFOLLOW } = fsConstants;
    expect(EXCLUSIVE_CREATE).toBe(O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW);
  });

  it('keeps every file 0600, and writes the manifest 0600 again even when something loosened it', async () => {
    const store = await openStore(file, compactEverySave);
    await store.update((data) => data.accessKeys.push(key(1)));
    await store.update((data) => data.accessKeys.push(key(2)));
    await store.flush();
    for (const name of (await readdir(dir)).filter((name) => name.startsWith('gatekey-store'))) expect([name, (await stat(join(dir, name))).mode & 0o777]).toEqual([name, 0o600]);
    await chmod(file, 0o644);
    await store.update((data) => data.accessKeys.push(key(3)));
    await store.flush();
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(store.status).toEqual({ state: 'ok', file }); // a change of mode is not a change of content
  });

  it('ignores and replaces a stale temp file left by a crash', async () => {
    const first = await openStore(file);
    await first.update((data) => data.accessKeys.push(key(1)));
    await first.close();
    await writeFile(join(dir, '.gatekey-store.json.tmp'), '{"half": "written', { mode: 0o644 });

    const store = await openStore(file, compactEverySave);
    expect(await names(store)).toEqual(['key-1']);
    await store.update((data) => data.accessKeys.push(key(2)));
    await store.flush(); // the compaction writes the manifest through the temp path
    expect(await onDisk()).toEqual(['key-1', 'key-2']);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    await expect(stat(join(dir, '.gatekey-store.json.tmp'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('bursts of changes', () => {
  it('are applied in order and written together, not one journal entry each', async () => {
    const first = await openStore(file);
    await first.update((data) => data.accessKeys.push(key(100)));
    await first.close();
    const store = await openStore(file);
    await Promise.all(Array.from({ length: 20 }, (_, n) => store.update((data) => data.accessKeys.push(key(n + 1)))));
    expect(await onDisk()).toEqual(['key-100', ...Array.from({ length: 20 }, (_, n) => `key-${n + 1}`)]);
    const [journal] = await journalOf();
    const entries = (await readFile(join(dir, journal!), 'utf8')).trim().split('\n');
    expect(entries.length).toBeGreaterThanOrEqual(1);
    expect(entries.length).toBeLessThanOrEqual(3);
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
  it('keep the state of each of the last 5 compactions, as folders of links', async () => {
    const store = await openStore(file, compactEverySave);
    for (let n = 1; n <= 8; n += 1) {
      await store.update((data) => data.accessKeys.push(key(n)));
      await store.flush(); // lets each compaction finish, so every save after the first makes one
    }
    const backups = (await readdir(join(dir, 'backups'))).sort();
    expect(backups).toHaveLength(5);
    const contents = await Promise.all(backups.map(async (name) => (await readStoreOnDisk(join(dir, 'backups', name, 'gatekey-store.json')))!.accessKeys.length));
    expect(contents).toEqual([4, 5, 6, 7, 8]);
    // Hard links: a backup costs no copy of an unchanged snapshot.
    const newest = join(dir, 'backups', backups.at(-1)!);
    const shared = (await readdir(newest)).filter((name) => name.includes('.apiGroups.'));
    expect((await stat(join(newest, shared[0]!))).nlink).toBeGreaterThan(1);
  });

  it('also keeps the newest of each of the last 7 days', async () => {
    let day = 1;
    let minute = 0;
    const store = await openStore(file, { ...compactEverySave, now: () => new Date(Date.UTC(2026, 10, day, 12, minute++)) });
    for (day = 1; day <= 10; day += 1) {
      for (let n = 0; n < 2; n += 1) {
        await store.update((data) => data.accessKeys.push(key(day * 10 + n)));
        await store.flush();
      }
    }
    const days = (await readdir(join(dir, 'backups'))).map((name) => name.slice('gatekey-store-'.length, 'gatekey-store-'.length + 10));
    // The last 5 compactions fall on days 8-10; one each for days 4-7 (within 7 days of day 10) as well.
    expect([...new Set(days)].sort()).toEqual(['2026-11-04', '2026-11-05', '2026-11-06', '2026-11-07', '2026-11-08', '2026-11-09', '2026-11-10']);
    expect(days.length).toBe(9);
  });
});

describe('write failures keep the change and the file whole', () => {
  /** The journal's writes fail (`half`: after writing half the bytes, as a full disk can), or its opening. */
  const failing = (code: string, at: 'write' | 'half' | 'open'): FileOps => ({
    ...fs,
    open: (async (path: string, flags: string | number, mode?: number) => {
      if (at === 'open' && path.endsWith('.jsonl')) throw Object.assign(new Error(code), { code });
      const handle = await fs.open(path, flags, mode);
      if (at !== 'open' && path.endsWith('.jsonl')) {
        const write = handle.write.bind(handle) as (buffer: Uint8Array, offset: number, length: number) => Promise<{ bytesWritten: number }>;
        handle.write = (async (buffer: Uint8Array, offset: number, length: number) => {
          if (at === 'half') await write(buffer, offset, Math.floor(length / 2));
          throw Object.assign(new Error(code), { code });
        }) as unknown as typeof handle.write;
      }
      return handle;
    }) as FileOps['open'],
  });

  it.each([
    ['disk full (injected ENOSPC)', 'ENOSPC', 'write'],
    ['disk full halfway through the line (injected ENOSPC)', 'ENOSPC', 'half'],
    ['permission denied (injected EACCES)', 'EACCES', 'open'],
    ['not permitted (injected EPERM)', 'EPERM', 'write'],
  ] as const)('%s', async (_label, code, at) => {
    const healthy = await openStore(file);
    await healthy.update((data) => data.accessKeys.push(key(1)));
    await healthy.update((data) => data.accessKeys.push(key(2)));
    await healthy.close();
    const before = await storeFilesOf(file);

    const store = await openStore(file, { ops: failing(code, at) });
    await store.update((data) => data.accessKeys.push(key(3)));
    expect(await names(store)).toEqual(['key-1', 'key-2', 'key-3']);
    expect(store.status).toMatchObject({ state: 'ok', unsaved: { problem: expect.stringContaining(code) } });
    expect(await onDisk()).toEqual(['key-1', 'key-2']); // a half-written line is no change
    if (at !== 'half') expect(await storeFilesOf(file)).toEqual(before);
    await store.close();

    // The next instance saves it, cutting off what the failed append left.
    const next = await openStore(file);
    await next.update((data) => data.accessKeys.push(key(3)));
    expect(await onDisk()).toEqual(['key-1', 'key-2', 'key-3']);
    const [journal] = await journalOf();
    for (const line of (await readFile(join(dir, journal!), 'utf8')).trimEnd().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
  });

  it.runIf(canMountTmpfs)('a real full disk (64 KiB tmpfs): the change is kept, the file whole, and it saves once there is room', async () => {
    const mountPoint = join(dir, 'small');
    await mkdir(mountPoint);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mountPoint]);
    try {
      const small = join(mountPoint, 'gatekey-store.json');
      const store = await MetadataStore.open(small);
      await store.update((data) => data.accessKeys.push(key(1)));
      await store.update((data) => data.accessKeys.push(key(2))); // the journal holds a line: its page is allocated
      // Fill the rest, to the last page.
      for (let n = 0; ; n += 1) if (!(await writeFile(join(mountPoint, `filler-${n}`), Buffer.alloc(4096)).then(() => true, () => false))) break;

      await store.update((data) => {
        for (let n = 3; n < 40; n += 1) data.accessKeys.push(key(n));
      });
      expect(store.status).toMatchObject({ state: 'ok', unsaved: { problem: expect.stringContaining('ENOSPC') } });
      expect(store.read().accessKeys).toHaveLength(39);
      expect((await readStoreOnDisk(small))!.accessKeys).toHaveLength(2);

      for (const name of (await readdir(mountPoint)).filter((name) => name.startsWith('filler-'))) await rm(join(mountPoint, name));
      expect(await store.flush()).toBe(true);
      expect((await readStoreOnDisk(small))!.accessKeys).toHaveLength(39);
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

  it('notices an in-place edit of a snapshot that keeps the size and the time (touch -r, rsync --inplace -t)', async () => {
    const store = await openStore(file);
    await store.update((data) => data.accessKeys.push(key(1)));
    const snapshot = join(dir, (await readdir(dir)).find((name) => name.includes('.accessKeys.'))!);
    const reference = join(dir, 'reference');
    execFileSync('touch', ['-r', snapshot, reference]); // remembers the times to the nanosecond
    const before = await stat(snapshot, { bigint: true });
    const edited = (await readFile(snapshot, 'utf8')).replace('"key-1"', '"key-X"');
    const handle = await fs.open(snapshot, 'r+'); // same inode, same length: rewritten in place
    await handle.write(edited, 0, 'utf8');
    await handle.close();
    execFileSync('touch', ['-r', reference, snapshot]);
    const after = await stat(snapshot, { bigint: true });
    expect([after.ino, after.size, after.mtimeNs]).toEqual([before.ino, before.size, before.mtimeNs]);

    await store.update((data) => data.accessKeys.push(key(2)));
    expect(store.status.state).toBe('conflict');
    expect(await readFile(snapshot, 'utf8')).toBe(edited);
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
    const store = await openStore(file, compactEverySave);
    for (let n = 1; n <= 3; n += 1) {
      await store.update((data) => data.accessKeys.push(key(n)));
      await store.flush(); // lets each compaction finish, so every save after the first makes one
    }
    await store.close();
    open.splice(open.indexOf(store), 1);
    await writeFile(file, Buffer.alloc(300)); // zero-filled

    const damaged = await openStore(file);
    expect(damaged.status).toMatchObject({ state: 'unreadable', backupAvailable: true });
    const { restoredFrom, movedAsideTo } = await damaged.restoreNewestBackup();
    expect(restoredFrom).toMatch(/^gatekey-store-[-0-9T]*Z$/);
    expect(movedAsideTo).toMatch(/^gatekey-store\.json\.corrupt-/);
    // The damaged store path file, its snapshots and journal are kept together.
    expect(await readFile(join(dir, movedAsideTo, 'gatekey-store.json'))).toEqual(Buffer.alloc(300));
    expect((await readdir(join(dir, movedAsideTo))).filter((name) => name.endsWith('.jsonl'))).toHaveLength(1);
    expect(damaged.status.state).toBe('ok');
    expect(await names(damaged)).toEqual(['key-1', 'key-2', 'key-3']); // as of the last compaction
    await damaged.update((data) => data.accessKeys.push(key(4)));
    expect(await onDisk()).toEqual(['key-1', 'key-2', 'key-3', 'key-4']);
    await damaged.close();
    await expect(stat(join(dir, LOCK_FILE_NAME))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it.runIf(canMountTmpfs)('a restore that fails for a full disk (64 KiB tmpfs) puts the damaged file back: never an empty store path', async () => {
    const mountPoint = join(dir, 'small');
    await mkdir(mountPoint);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mountPoint]);
    try {
      const small = join(mountPoint, 'gatekey-store.json');
      const store = await MetadataStore.open(small, compactEverySave);
      await store.update((data) => {
        for (let n = 1; n < 30; n += 1) data.accessKeys.push(key(n)); // ~7 KiB: more than the room left below
      });
      await store.update((data) => data.accessKeys.push(key(30))); // compacts: the first version becomes a backup (hard links)
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
      expect(damaged.read().accessKeys).toHaveLength(30);
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
