import { appendFile, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APPLY_JOURNAL_FILE, applyJournal } from '../../../../electron/core/jdcloud/sync/apply-journal';
import type { ApplyReport } from '../../../../electron/shared/jdcloud/types';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gatekey-journal-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const report = (n: number, extra = ''): ApplyReport => ({
  startedAt: `2026-11-29T10:00:0${n}.000Z`,
  finishedAt: `2026-11-29T10:00:0${n}.500Z`,
  endpoint: 'http://127.0.0.1:1',
  cancelled: false,
  items: [],
  results: [{ itemId: `cn-north-1/createAuthorization/${extra}${n}`, outcome: 'applied', requestIds: ['r'], attempts: 1 }],
  counts: { applied: 1, alreadyDone: 0, failed: 0, notRun: 0 },
  concurrency: 4,
});

describe('apply journal', () => {
  it('answers null with no file, then the newest report, one JSON line each', async () => {
    const journal = applyJournal(dir);
    expect(await journal.last()).toBeNull();
    await journal.append(report(1));
    await journal.append(report(2));
    expect(await journal.last()).toEqual(report(2));
    expect((await readFile(join(dir, APPLY_JOURNAL_FILE), 'utf8')).split('\n')).toHaveLength(3);
  });

  it('skips a line torn by a crash, and the next append starts on a line of its own', async () => {
    const journal = applyJournal(dir);
    await journal.append(report(1));
    await appendFile(join(dir, APPLY_JOURNAL_FILE), '{"startedAt":"2026-11-29T10:0');
    expect(await journal.last()).toEqual(report(1));
    await journal.append(report(3));
    expect(await journal.last()).toEqual(report(3));
  });

  it('finds a newest report longer than one read chunk', async () => {
    const journal = applyJournal(dir);
    await journal.append(report(1));
    const big = report(2, 'x'.repeat(200_000));
    await journal.append(big);
    expect(await journal.last()).toEqual(big);
  });

  it('refuses to follow a symlink planted where the journal belongs', async () => {
    const target = join(dir, 'elsewhere.txt');
    await writeFile(target, '');
    await symlink(target, join(dir, APPLY_JOURNAL_FILE));
    await expect(applyJournal(dir).append(report(1))).rejects.toMatchObject({ code: 'ELOOP' });
    expect(await readFile(target, 'utf8')).toBe('');
  });
});
