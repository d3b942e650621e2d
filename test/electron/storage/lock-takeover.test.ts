import { createHash } from 'node:crypto';
import { mkdtemp, open, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { currentBootId, sameBoot } from '../../../electron/storage/boot-id';
import { acquireLock } from '../../../electron/storage/lock-file';

let dir: string;
let path: string;
const dead = (extra = {}) => JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), since: '2000-01-01T00:00:00Z', ...extra });
/** The claim name a takeover of the lock now at `file` uses: its inode and content name that one lock. */
const claimOf = async (file: string) => `${file}.takeover-${(await stat(file)).ino}-${createHash('sha256').update(await readFile(file)).digest('hex').slice(0, 16)}`;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gatekey-lock-'));
  path = join(dir, 'gatekey.lock');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

it('writes the whole lock before it appears, and releases only its own', async () => {
  const lock = await acquireLock(path);
  expect(lock.held).toBe(true);
  expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname(), nonce: expect.any(String) });
  expect(await readdir(dir)).toEqual(['gatekey.lock']);
  // Someone judged us gone and took over: our release must leave their lock alone.
  await writeFile(path, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString(), nonce: 'theirs' }));
  if (lock.held) await lock.release();
  expect(JSON.parse(await readFile(path, 'utf8')).nonce).toBe('theirs');
});

it('a takeover claim left by a crash mid-takeover is itself taken over, and cleaned up', async () => {
  await writeFile(path, dead());
  const claim = await claimOf(path);
  await writeFile(claim, dead({ nonce: 'crashed-while-taking-over' }));
  const lock = await acquireLock(path);
  expect(lock.held).toBe(true);
  expect(JSON.parse(await readFile(path, 'utf8')).pid).toBe(process.pid);
  expect(await readdir(dir)).toEqual(['gatekey.lock']);
});

it('a claim held by a live process: waits, then reports that process as the owner rather than taking it', async () => {
  await writeFile(path, dead());
  const live = JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString(), nonce: 'live-claimer' });
  await writeFile(await claimOf(path), live);
  const lock = await acquireLock(path);
  expect(lock.held).toBe(false);
  expect(JSON.parse(await readFile(path, 'utf8')).pid).toBe(2 ** 22 + 12345); // untouched
}, 60_000);

it('never takes a lock from another machine (a shared folder): it cannot tell whether that one is alive', async () => {
  await writeFile(path, JSON.stringify({ pid: 1, host: 'some-other-host', since: '2000-01-01T00:00:00Z' }));
  const lock = await acquireLock(path);
  expect(lock).toMatchObject({ held: false, owner: { host: 'some-other-host' } });
});

const liveOwner = (extra = {}) => JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString(), nonce: 'filled-in-late', ...extra });

it('an empty lock that is still young is being filled in by a racer (no hard links: exclusive copy, then write): never taken over', async () => {
  await writeFile(path, ''); // what copyFile(COPYFILE_EXCL) leaves for a moment
  const taking = acquireLock(path);
  const racersLock = path; // this test's, even if the timer fires after the test
  setTimeout(() => void writeFile(racersLock, liveOwner()).catch(() => undefined), 100); // the racer finishes its copy
  const lock = await taking;
  expect(lock).toMatchObject({ held: false, owner: { nonce: 'filled-in-late' } });
  expect(JSON.parse(await readFile(path, 'utf8')).nonce).toBe('filled-in-late');
}, 60_000);

it('an empty or unreadable lock older than a few seconds is a crash leftover: taken over', async () => {
  await writeFile(path, '{"pid": 12'); // half-written
  const lock = await acquireLock(path, { now: () => Date.now() + 60_000 });
  expect(lock.held).toBe(true);
  expect(JSON.parse(await readFile(path, 'utf8')).pid).toBe(process.pid);
}, 60_000);

it('a live lock whose start time looks older than this boot (clock corrected since) is kept: the boot ID decides', async () => {
  await writeFile(path, liveOwner({ since: '1990-01-01T00:00:00Z', boot: 'this-boot', nonce: 'clock-jumped' }));
  const lock = await acquireLock(path, { bootId: 'this-boot' });
  expect(lock).toMatchObject({ held: false, owner: { nonce: 'clock-jumped' } });
});

it('a lock from another boot is stale even if its PID runs now; an old lock without a boot ID is judged as before', async () => {
  await writeFile(path, liveOwner({ boot: 'an-earlier-boot' }));
  expect((await acquireLock(path, { bootId: 'this-boot' })).held).toBe(true);
  await writeFile(path, liveOwner({ nonce: 'older-gatekey' })); // no boot: started after boot, PID alive
  expect(await acquireLock(path, { bootId: 'this-boot' })).toMatchObject({ held: false, owner: { nonce: 'older-gatekey' } });
});

it('writes this boot\'s ID into the lock', async () => {
  expect((await acquireLock(path)).held).toBe(true);
  expect(JSON.parse(await readFile(path, 'utf8')).boot).toBe(currentBootId());
  if (process.platform === 'linux') expect(currentBootId()).toMatch(/^[0-9a-f-]{36}$/); // Linux names each boot
});

it('without a boot ID from the system, boot times a clock correction shifted by minutes still match; another boot does not', () => {
  const bootedAt = Date.parse('2026-12-01T08:00:00Z');
  expect(sameBoot(`time:${bootedAt}`, `time:${bootedAt + 4 * 60_000}`)).toBe(true);
  expect(sameBoot(`time:${bootedAt}`, `time:${bootedAt - 4 * 60_000}`)).toBe(true);
  expect(sameBoot(`time:${bootedAt}`, `time:${bootedAt + 60 * 60_000}`)).toBe(false);
  expect(sameBoot('4b1c0a52-0000-4000-8000-000000000001', '4b1c0a52-0000-4000-8000-000000000002')).toBe(false);
});

it('a huge file at the lock path (3 GiB, sparse) is never read whole: treated as a leftover once old, taken over', async () => {
  const handle = await open(path, 'w');
  await handle.truncate(3 * 1024 ** 3);
  await handle.close();
  const old = new Date(Date.now() - 60_000);
  await utimes(path, old, old);
  const lock = await acquireLock(path);
  expect(lock.held).toBe(true);
  expect((await stat(path)).size).toBeLessThan(4096);
}, 60_000);
