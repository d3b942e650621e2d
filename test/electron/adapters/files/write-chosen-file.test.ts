import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeChosenFile } from '../../../../electron/adapters/files/write-chosen-file';

// Real paths in a temp folder, as a save dialog would answer them.
let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'gatekey-save-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

describe('writing to a path chosen in a save dialog', () => {
  it('creates a new file, and replaces a longer one whole', async () => {
    await writeChosenFile(join(folder, 'new.json'), 'short');
    expect(await readFile(join(folder, 'new.json'), 'utf8')).toBe('short');
    await writeFile(join(folder, 'old.json'), 'a much longer old content');
    await writeChosenFile(join(folder, 'old.json'), 'short');
    expect(await readFile(join(folder, 'old.json'), 'utf8')).toBe('short');
  });

  it('refuses a FIFO at once instead of waiting for a reader', async () => {
    execFileSync('mkfifo', [join(folder, 'pipe.json')]);
    await expect(writeChosenFile(join(folder, 'pipe.json'), 'x')).rejects.toMatchObject({ code: 'FILE_WRITE_FAILED', message: expect.stringMatching(/pipe \(FIFO\)/) });
  }, 60_000);

  it('refuses a symlink, leaving its target untouched, and a folder', async () => {
    await writeFile(join(folder, 'target'), 'keep me');
    await symlink(join(folder, 'target'), join(folder, 'link.json'));
    await expect(writeChosenFile(join(folder, 'link.json'), 'x')).rejects.toMatchObject({ message: expect.stringMatching(/symbolic link/) });
    expect(await readFile(join(folder, 'target'), 'utf8')).toBe('keep me');
    await mkdir(join(folder, 'dir.json'));
    await expect(writeChosenFile(join(folder, 'dir.json'), 'x')).rejects.toMatchObject({ message: expect.stringMatching(/folder/) });
  });
});
