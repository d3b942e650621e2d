import { createHash } from 'node:crypto';
import { FileTooLarge, NotARegularFile, readRegularFile } from './regular-file';

/** What the store file on disk was when Gatekey last read or wrote it: its exact bytes. */
export interface DiskState {
  bytes: Uint8Array;
}

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export const diskStateOf = (bytes: Uint8Array): DiskState => ({ bytes });

/**
 * Whether the file is still what Gatekey last saw, by content, every time:
 * an in-place edit that restores size and mtime (`touch -r`, `rsync --inplace
 * -t`) fools a stat, and a touch or copy-back that changes only the time is no
 * change. The bytes are compared outright rather than by SHA-256: stronger,
 * and cheaper (at 43 MB a memcmp takes ~10 ms where hashing took 0.2-0.3 s
 * here, on top of the ~0.2 s read both need); the bytes are in memory anyway,
 * as the save just produced or read them. Something swapped in that is not a
 * regular file (FIFO, folder, link) counts as changed and is never opened.
 */
export async function unchangedOnDisk(file: string, known: DiskState | null): Promise<boolean> {
  let now;
  try {
    // Any byte more than Gatekey knows is a change: never read a file that grew past that.
    now = await readRegularFile(file, known?.bytes.byteLength ?? 0);
  } catch (error) {
    if (error instanceof NotARegularFile || error instanceof FileTooLarge) return false; // something else was put there: changed
    throw error;
  }
  if (!now || !known) return now === null && known === null;
  return Buffer.from(known.bytes.buffer, known.bytes.byteOffset, known.bytes.byteLength).equals(now.bytes);
}
