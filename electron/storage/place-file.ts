import { constants } from 'node:fs';
import { copyFile, link, open } from 'node:fs/promises';
import { syncFile } from './durable-write';

/** File systems that cannot hard-link (FAT, some network shares) answer one of these. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'ENOSYS', 'EMLINK']);

/** Writes a new file that must not exist yet (mode 0600). */
export async function writeNewFile(path: string, text: string, flags: number): Promise<void> {
  const handle = await open(path, flags, 0o600);
  try {
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
}

/**
 * Gives the whole file `from` a second name `to`, only if nothing is at `to`:
 * true when placed, false when something already was. A hard link does it
 * atomically; without hard links an exclusive copy, fsync'd, comes close.
 */
export async function placeExclusively(from: string, to: string): Promise<boolean> {
  try {
    await link(from, to);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (!code || !NO_HARD_LINKS.has(code)) throw error;
  }
  try {
    await copyFile(from, to, constants.COPYFILE_EXCL);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  await syncFile(to); // a link shares data already on disk; a copy's data is not there until fsync'd
  return true;
}
