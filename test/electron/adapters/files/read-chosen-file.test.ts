import { execFileSync } from 'node:child_process';
import { constants } from 'node:fs';
import { appendFile, mkdir, mkdtemp, open, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBoundedFromHandle, readChosenFile, type ReadableHandle } from '../../../../electron/adapters/files/read-chosen-file';

// Real files, a real FIFO and a real symlink in a temp folder.
const LIMIT = 64 * 1024;
const TOO_BIG = 'too big';
let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'gatekey-chosen-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

const fifoAt = (name: string) => {
  const path = join(folder, name);
  execFileSync('mkfifo', [path]);
  return path;
};

describe('reading a file the user chose', () => {
  it('reads a regular file up to the limit, and refuses one byte more', async () => {
    await writeFile(join(folder, 'exact'), Buffer.alloc(LIMIT, 0x20));
    await writeFile(join(folder, 'over'), Buffer.alloc(LIMIT + 1, 0x20));
    const exact = await readChosenFile(join(folder, 'exact'), LIMIT, TOO_BIG);
    expect(exact.ok && exact.bytes.length).toBe(LIMIT);
    expect(await readChosenFile(join(folder, 'over'), LIMIT, TOO_BIG)).toEqual({ ok: false, reason: TOO_BIG });
  });

  it('refuses a FIFO at once instead of waiting for a writer', async () => {
    const read = await readChosenFile(fifoAt('key.gatekey.json'), LIMIT, TOO_BIG);
    expect(read).toEqual({ ok: false, reason: expect.stringMatching(/pipe \(FIFO\)/) });
  }, 60_000);

  it('refuses a symlink, even to a good file, and a folder, and a missing path', async () => {
    await writeFile(join(folder, 'real'), '{}');
    await symlink(join(folder, 'real'), join(folder, 'link'));
    await mkdir(join(folder, 'dir'));
    expect(await readChosenFile(join(folder, 'link'), LIMIT, TOO_BIG)).toEqual({ ok: false, reason: expect.stringMatching(/symbolic link/) });
    expect(await readChosenFile(join(folder, 'dir'), LIMIT, TOO_BIG)).toEqual({ ok: false, reason: 'It is a folder, not a file.' });
    expect(await readChosenFile(join(folder, 'gone'), LIMIT, TOO_BIG)).toEqual({ ok: false, reason: 'It no longer exists.' });
  });

  it('judges the open handle, not the path: a FIFO handle is refused by its fstat, unread', async () => {
    const handle = await open(fifoAt('pipe'), constants.O_RDONLY | constants.O_NONBLOCK);
    let reads = 0;
    const counting = {
      stat: () => handle.stat(),
      read: (...args: Parameters<ReadableHandle['read']>) => {
        reads += 1;
        return handle.read(...args);
      },
    } as ReadableHandle;
    try {
      expect(await readBoundedFromHandle(counting, LIMIT, TOO_BIG)).toEqual({ ok: false, reason: expect.stringMatching(/FIFO/) });
      expect(reads).toBe(0);
    } finally {
      await handle.close();
    }
  }, 60_000);

  it('enforces the limit on the bytes read when the file grows after its fstat', async () => {
    const path = join(folder, 'growing');
    await writeFile(path, '{}');
    const handle = await open(path, 'r');
    let delivered = 0;
    // The real handle; between its fstat (2 bytes) and the first read, 2 MiB more are written to the file.
    const growing = {
      stat: async () => {
        const before = await handle.stat();
        await appendFile(path, Buffer.alloc(2 * 1024 * 1024, 0x20));
        return before;
      },
      read: async (...args: Parameters<ReadableHandle['read']>) => {
        const result = await handle.read(...args);
        delivered += result.bytesRead;
        return result;
      },
    } as ReadableHandle;
    try {
      expect(await readBoundedFromHandle(growing, LIMIT, TOO_BIG)).toEqual({ ok: false, reason: TOO_BIG });
      expect(delivered).toBe(LIMIT + 1);
    } finally {
      await handle.close();
    }
  });
});
