import { constants, type Stats } from 'node:fs';
import { lstat, open, type FileHandle } from 'node:fs/promises';

/**
 * The one way Gatekey reads a file that must be a regular file (a chosen
 * import, the store, its lock and backups): `lstat` refuses a symlink, FIFO,
 * folder or device before opening (opening some devices has effects of its
 * own); the open neither follows a symlink nor blocks on a FIFO swapped in
 * meanwhile; `fstat` on the handle checks what was actually opened; and at
 * most `maxBytes + 1` bytes are read, so a file swapped or grown after the
 * check cannot deliver more than the limit.
 */

// O_NOFOLLOW: a symlink is refused, not followed. O_NONBLOCK: opening a FIFO
// returns at once instead of waiting for a writer forever. (Windows has neither.)
export const NO_FOLLOW_NO_BLOCK = (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
const OPEN_FLAGS = constants.O_RDONLY | NO_FOLLOW_NO_BLOCK;

export type BoundedRead =
  | { ok: true; bytes: Buffer; info: Stats }
  | { ok: false; problem: 'missing' }
  | { ok: false; problem: 'symlink' }
  /** A FIFO, folder, device or socket: never read. */
  | { ok: false; problem: 'notAFile'; info: Stats }
  /** More than the limit (by its size, or by the bytes that actually arrived). */
  | { ok: false; problem: 'tooBig'; info: Stats };

/** What the reader needs of a handle: its stat and positioned reads. */
export type ReadableHandle = Pick<FileHandle, 'stat' | 'read'>;

/** Reads through an open handle within `maxBytes`, refusing anything but a regular file. */
export async function readHandleBounded(handle: ReadableHandle, maxBytes: number): Promise<BoundedRead> {
  const info = await handle.stat();
  if (!info.isFile()) return { ok: false, problem: 'notAFile', info };
  if (info.size > maxBytes) return { ok: false, problem: 'tooBig', info };
  // Sized by the file (it may grow: one byte more tells), never by the limit: a 1 GiB cap must not cost 1 GiB per read.
  let buffer = Buffer.alloc(Math.min(maxBytes, info.size) + 1);
  let filled = 0;
  for (;;) {
    if (filled === buffer.length) {
      if (buffer.length > maxBytes) break;
      const grown = Buffer.alloc(Math.min(maxBytes + 1, buffer.length * 2));
      buffer.copy(grown, 0, 0, filled);
      buffer = grown;
    }
    const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  if (filled > maxBytes) return { ok: false, problem: 'tooBig', info };
  return { ok: true, bytes: buffer.subarray(0, filled), info };
}

/** Opens `path` once (no symlink, never blocking) and reads it through that handle within `maxBytes`. Other errors (EACCES...) are thrown. */
export async function readRegularFileBounded(path: string, maxBytes: number): Promise<BoundedRead> {
  let handle: FileHandle;
  try {
    const before = await lstat(path);
    if (before.isSymbolicLink()) return { ok: false, problem: 'symlink' };
    if (!before.isFile()) return { ok: false, problem: 'notAFile', info: before };
    handle = await open(path, OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, problem: 'missing' };
    // ELOOP on Linux, EMLINK on FreeBSD: what O_NOFOLLOW answers for a symlink swapped in after the lstat.
    if (code === 'ELOOP' || code === 'EMLINK') return { ok: false, problem: 'symlink' };
    throw error;
  }
  try {
    return await readHandleBounded(handle, maxBytes);
  } finally {
    await handle.close().catch(() => undefined);
  }
}
