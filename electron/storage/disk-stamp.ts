import { lstat } from 'node:fs/promises';

/**
 * A cheap fingerprint of the file at `path` (inode, size, and modification and
 * change times in nanoseconds), or null when nothing is there. It only tells
 * "maybe changed" from "certainly the same file we saw": the change time moves
 * on any write or `touch -r`, which no program can set back. Whether the
 * content changed is still decided by comparing bytes (disk-state.ts).
 */
export async function stampOf(path: string): Promise<string | null> {
  try {
    const info = await lstat(path, { bigint: true });
    return `${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
