import type { BigIntStats } from 'node:fs';
import { lstat } from 'node:fs/promises';

/** The one form of a stamp: paths (lstat) and open handles (fstat) must agree, or every check falls back to hashing. */
export const stampText = (info: BigIntStats): string => `${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}`;

/**
 * A cheap fingerprint of the file at `path` (inode, size, and modification and
 * change times in nanoseconds), or null when nothing is there. It only tells
 * "maybe changed" from "certainly the same file we saw": the change time moves
 * on any write or `touch -r`, which no program can set back. Whether the
 * content changed is still decided by its hash (journal/file-seen.ts).
 */
export async function stampOf(path: string): Promise<string | null> {
  try {
    return stampText(await lstat(path, { bigint: true }));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
