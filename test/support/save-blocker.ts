import { execFileSync } from 'node:child_process';
import { chmod, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Root ignores file permissions: only the immutable flag (`chattr +i`) stops it, an open handle included. Needs a file system with inode flags (ext4, as in CI). */
function makeImmutable(targets: string[]): () => Promise<void> {
  execFileSync('chattr', ['+i', ...targets]);
  return async () => {
    execFileSync('chattr', ['-i', ...targets]);
  };
}

/**
 * Anyone else: no write permission. The folder at 0500 lets nothing be
 * created, renamed or deleted in it; a journal at 0400 refuses the next
 * opening for append. Gatekey keeps its journal open, but reopens it once its
 * stamp moved, and chmod moves the change time: so the next save does.
 */
async function takeWritePermission(journals: string[], dataDir: string): Promise<() => Promise<void>> {
  const modes = await Promise.all([...journals, dataDir].map(async (path) => ({ path, mode: (await stat(path)).mode & 0o7777 })));
  for (const path of journals) await chmod(path, 0o400);
  await chmod(dataDir, 0o500);
  return async () => {
    for (const { path, mode } of modes) await chmod(path, mode);
  };
}

/**
 * Makes every save in `dataDir` fail for real (EPERM/EACCES), as a disk that
 * refuses writes would, until the returned function is called. That function
 * may be called any number of times; only the first call undoes.
 */
export async function blockWrites(dataDir: string): Promise<() => Promise<void>> {
  const journals = (await readdir(dataDir)).filter((name) => name.endsWith('.jsonl')).map((name) => join(dataDir, name));
  const undo = process.getuid?.() === 0 ? makeImmutable([...journals, dataDir]) : await takeWritePermission(journals, dataDir);
  let undone: Promise<void> | undefined;
  return () => (undone ??= undo());
}
