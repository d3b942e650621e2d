import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';

/** What the store file on disk was when Gatekey last read or wrote it. */
export interface DiskState {
  ino: number;
  size: number;
  mtimeMs: number;
  /** The bytes themselves, hashed only when a cheap stat says the file may have changed. */
  bytes: Uint8Array;
}

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

async function statOrNull(file: string) {
  try {
    return await stat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export async function diskStateOf(file: string, bytes: Uint8Array): Promise<DiskState | null> {
  const info = await statOrNull(file);
  return info ? { ino: info.ino, size: info.size, mtimeMs: info.mtimeMs, bytes } : null;
}

/**
 * Whether the file is still what Gatekey last saw. A cheap stat first; only
 * when it differs is the content compared by hash (a touch or copy-back is no change).
 */
export async function unchangedOnDisk(file: string, known: DiskState | null): Promise<boolean> {
  const info = await statOrNull(file);
  if (!info || !known) return info === null && known === null;
  if (info.ino === known.ino && info.size === known.size && info.mtimeMs === known.mtimeMs) return true;
  return sha256Of(await readFile(file)) === sha256Of(known.bytes);
}
