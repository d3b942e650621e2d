import { createHash, type Hash } from 'node:crypto';
import { stampOf } from '../disk-stamp';
import { FileTooLarge, NotARegularFile, readRegularFile, STORE_READ_LIMIT } from '../regular-file';

/**
 * A file as Gatekey last read or wrote it: its stat stamp (the fast path:
 * the same stamp is the same file) and its size and SHA-256 (the content: a
 * touch or copy-back of the same bytes is no change; an edit that restores
 * size and times is one). Nothing of the content itself is kept. A journal
 * being appended keeps its running hash instead of a digest.
 */
export interface FileSeen {
  path: string;
  /** null: nothing was there. */
  stamp: string | null;
  size: number;
  digest?: string;
  running?: Hash;
  /** Bytes past `size` may be there that Gatekey itself left (a failed append): only the first `size` bytes are compared. */
  tail?: boolean;
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export const digestOf = (seen: FileSeen): string => seen.digest ?? seen.running!.copy().digest('hex');

export const missingFile = (path: string): FileSeen => ({ path, stamp: null, size: 0, digest: '' });

/** What a file just read is: `stamp` taken before the read, so a change during it shows as a change later. */
export const seenFrom = (path: string, stamp: string | null, bytes: Uint8Array): FileSeen => ({ path, stamp, size: bytes.byteLength, digest: sha256(bytes) });

/**
 * Whether the file is still as seen: the same stamp says so cheaply; anything
 * else is decided by the content (never reading more than was seen: a file
 * that grew changed). Something that is not a regular file now counts as
 * changed and is never opened. Returns the stamp to remember when unchanged.
 */
export async function stillAsSeen(seen: FileSeen): Promise<{ same: boolean; stamp: string | null }> {
  const stamp = await stampOf(seen.path);
  if (stamp === seen.stamp) return { same: true, stamp };
  if (stamp === null || seen.stamp === null) return { same: false, stamp };
  let now;
  try {
    now = await readRegularFile(seen.path, seen.tail ? STORE_READ_LIMIT : seen.size);
  } catch (error) {
    if (error instanceof NotARegularFile || error instanceof FileTooLarge) return { same: false, stamp };
    throw error;
  }
  if (!now || now.bytes.byteLength < seen.size || (!seen.tail && now.bytes.byteLength !== seen.size)) return { same: false, stamp };
  return { same: sha256(now.bytes.subarray(0, seen.size)) === digestOf(seen), stamp };
}
