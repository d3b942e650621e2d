import { lstat, mkdtemp, readFile, rm, symlink, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSecretAccessLog } from '../../../../electron/core/window-guards/secret-access-log';

// Real files in a temp folder.
let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gatekey-access-log-'));
  file = join(dir, 'secret-access.log');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const at = new Date('2026-12-02T10:00:00Z');
const entry = (n: number) => ({ action: 'reveal' as const, keyId: `a280dc988b${String(n).padStart(2, '0')}`, name: 'payments', outcome: 'done' });
const lines = async (path: string) => (await readFile(path, 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, string>);

describe('the secret-access log', () => {
  it('appends one JSON line per entry, with the time, owner-only', async () => {
    const log = createSecretAccessLog({ file, now: () => at });
    await log.record(entry(1));
    await log.record({ action: 'copy', keyId: 'a280dc988b22', outcome: 'failed: SECRET_MISSING' });
    expect(await lines(file)).toEqual([
      { time: '2026-12-02T10:00:00.000Z', ...entry(1) },
      { time: '2026-12-02T10:00:00.000Z', action: 'copy', keyId: 'a280dc988b22', outcome: 'failed: SECRET_MISSING' },
    ]);
    if (process.platform !== 'win32') expect((await lstat(file)).mode & 0o777).toBe(0o600);
  });

  it('narrows a wider file it finds to 0600', async () => {
    if (process.platform === 'win32') return;
    await writeFile(file, '');
    await chmod(file, 0o644);
    await createSecretAccessLog({ file, now: () => at }).record(entry(1));
    expect((await lstat(file)).mode & 0o777).toBe(0o600);
  });

  it('keeps lines whole in a burst of concurrent records', async () => {
    const log = createSecretAccessLog({ file, now: () => at });
    await Promise.all(Array.from({ length: 200 }, (_, n) => log.record(entry(n % 100))));
    expect(await lines(file)).toHaveLength(200);
  });

  it('is size-capped: past the cap it moves to .1 (one rotation, the older one replaced)', async () => {
    const log = createSecretAccessLog({ file, now: () => at, maxBytes: 1_000 });
    const lineBytes = `${JSON.stringify({ time: at.toISOString(), ...entry(1) })}\n`.length;
    const total = 40;
    for (let n = 0; n < total; n += 1) await log.record(entry(n));
    const current = await lines(file);
    const previous = await lines(`${file}.1`);
    expect((await lstat(file)).size).toBeLessThanOrEqual(1_000);
    expect((await lstat(`${file}.1`)).size).toBeLessThanOrEqual(1_000);
    expect(current.length).toBeGreaterThan(0);
    expect(previous).toHaveLength(Math.floor(1_000 / lineBytes));
    // The newest lines are kept, in order; only older ones beyond two files are dropped.
    expect([...previous, ...current].map((line) => line.keyId).at(-1)).toBe(entry(total - 1).keyId);
    await expect(lstat(`${file}.2`)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('when full, folds the refusal lines into one and keeps every reveal and copy line (nothing rotated)', async () => {
    const log = createSecretAccessLog({ file, now: () => at, maxBytes: 4_000 });
    for (let n = 0; n < 5; n += 1) await log.record(entry(n));
    const refusal = (n: number) => ({ outcome: 'refused: RATE_LIMITED' as const, count: 7, since: `2026-12-02T10:${String(n % 60).padStart(2, '0')}:00.000Z`, actions: ['reveal' as const], keyIds: ['a280dc988b22'] });
    for (let n = 0; n < 400; n += 1) await log.record(refusal(n));
    const kept = await lines(file);
    expect(kept.filter((line) => line.outcome === 'done').map((line) => line.keyId)).toEqual([0, 1, 2, 3, 4].map((n) => entry(n).keyId));
    const refused = kept.filter((line) => line.outcome !== 'done') as unknown as Array<{ count: number; since: string }>;
    expect(refused.reduce((total, line) => total + line.count, 0)).toBe(400 * 7);
    expect(refused[0]).toMatchObject({ since: '2026-12-02T10:00:00.000Z', compacted: true });
    expect((await lstat(file)).size).toBeLessThanOrEqual(4_000);
    await expect(lstat(`${file}.1`)).rejects.toMatchObject({ code: 'ENOENT' });
    if (process.platform !== 'win32') expect((await lstat(file)).mode & 0o777).toBe(0o600);
  });

  it('refuses to write through a symlink planted at the log path', async () => {
    if (process.platform === 'win32') return;
    const target = join(dir, 'elsewhere.txt');
    await writeFile(target, 'untouched');
    await symlink(target, file);
    await expect(createSecretAccessLog({ file, now: () => at }).record(entry(1))).rejects.toMatchObject({ code: 'ELOOP' });
    expect(await readFile(target, 'utf8')).toBe('untouched');
  });
});
