import * as fs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The file-system calls a durable save makes; tests inject failing ones (disk full, EPERM). */
export type FileOps = Pick<typeof fs, 'open' | 'rename' | 'chmod' | 'link' | 'copyFile' | 'unlink'>;

export const tempPathOf = (file: string): string => join(dirname(file), `.${basename(file)}.tmp`);

/**
 * Writes `bytes` so that a crash at any moment leaves either the old file or
 * the new one, whole: write a temporary file, fsync it, rename it over the
 * target, fsync the folder. The temporary file is created 0600 and chmod-ed
 * again, because a stale one from a crash may have other permissions.
 */
export async function writeDurably(file: string, bytes: Uint8Array, ops: FileOps = fs): Promise<void> {
  const temp = tempPathOf(file);
  const handle = await ops.open(temp, 'w', 0o600);
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
    await ops.chmod(temp, 0o600);
    await ops.rename(temp, file);
  } catch (error) {
    await ops.unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(dirname(file), ops);
}

/** Makes the rename itself durable. Not every platform can open a folder (Windows cannot): then the OS flushes it later. */
async function syncFolder(folder: string, ops: FileOps): Promise<void> {
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
