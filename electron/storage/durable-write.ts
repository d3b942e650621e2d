import { constants } from 'node:fs';
import * as fs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { kindOf, lstatOrNull, NotARegularFile } from './regular-file';

/** The file-system calls a durable save makes; tests inject failing ones (disk full, EPERM). */
export type FileOps = Pick<typeof fs, 'open' | 'rename' | 'chmod' | 'link' | 'copyFile' | 'unlink'>;

export const tempPathOf = (file: string): string => join(dirname(file), `.${basename(file)}.tmp`);

/**
 * Created only if nothing is at the path, never through a symlink, 0600 from
 * the start (a umask can only narrow it). Windows lacks O_NOFOLLOW; there
 * O_EXCL alone refuses an existing link.
 */
export const EXCLUSIVE_CREATE = constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | (constants.O_NOFOLLOW ?? 0);

/**
 * Creates the temp file exclusively. Something already there is a temp file
 * left by a crash (removed, then created afresh) or something planted or made
 * by mistake (a symlink, FIFO, folder, device): that is refused, never opened.
 */
async function createTemp(temp: string, ops: FileOps): Promise<fs.FileHandle> {
  try {
    return await ops.open(temp, EXCLUSIVE_CREATE, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const there = await lstatOrNull(temp);
  if (there && !there.isFile()) throw new NotARegularFile(temp, kindOf(there));
  await ops.unlink(temp).catch(() => undefined); // unlink never follows a link: whatever is there, only the name goes
  return ops.open(temp, EXCLUSIVE_CREATE, 0o600);
}

/**
 * Writes `bytes` so that a crash at any moment leaves either the old file or
 * the new one, whole: write a temporary file, fsync it, rename it over the
 * target, fsync the folder.
 */
export async function writeDurably(file: string, bytes: Uint8Array, ops: FileOps = fs): Promise<void> {
  const temp = tempPathOf(file);
  const handle = await createTemp(temp, ops);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await ops.unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    await ops.rename(temp, file);
  } catch (error) {
    await ops.unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(dirname(file), ops);
}

/** Makes the content of a file written by other means (a copy) durable: a crash after this never leaves it empty or zero-filled. */
export async function syncFile(path: string, ops: FileOps = fs): Promise<void> {
  const handle = await ops.open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  try {
    await handle.sync();
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Makes the rename itself durable. Not every platform can open a folder (Windows cannot): then the OS flushes it later. */
export async function syncFolder(folder: string, ops: FileOps = fs): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await ops.open(folder, 'r');
    await handle.sync();
  } catch {
    // EISDIR/EPERM on Windows: nothing more can be done from here.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
