import type { Stats } from 'node:fs';
import { lstat } from 'node:fs/promises';
import { readRegularFileBounded } from '../adapters/files/bounded-read';
import { fileKindOf, type FileKind } from '../adapters/files/file-kind';

/** A path that holds something other than a regular file (a symlink, FIFO, folder, device or socket). */
export class NotARegularFile extends Error {
  override name = 'NotARegularFile';
  constructor(
    readonly path: string,
    readonly kind: string,
  ) {
    super(`${path} is ${kind}, not a regular file; Gatekey does not open it. Move it away or replace it with the file.`);
  }
}

const kindWords: Record<FileKind, string> = {
  file: 'a regular file',
  symlink: 'a symbolic link',
  folder: 'a folder',
  fifo: 'a named pipe (FIFO)',
  socket: 'a socket',
  device: 'a device',
  other: 'not a file',
};

export const kindOf = (info: Stats): string => kindWords[fileKindOf(info)];

/** `lstat`, or null when nothing is there. Never follows a symlink. */
export async function lstatOrNull(path: string): Promise<Stats | null> {
  try {
    return await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** More bytes than Gatekey reads at that path: refused whole, never read into memory. */
export class FileTooLarge extends Error {
  override name = 'FileTooLarge';
  constructor(
    readonly path: string,
    readonly info: Stats,
    readonly limit: number,
  ) {
    super(`${path} is ${info.size} bytes, more than the ${limit} bytes Gatekey reads there; it was not opened.`);
  }
}

/** The store, and each backup of it (a full-scale store is about 43 MB). */
export const STORE_READ_LIMIT = 1024 * 1024 * 1024;

/**
 * Reads a file that must be a regular file, through one handle and within
 * `maxBytes` (see core/bounded-read): a symlink, FIFO, folder or device is
 * refused (NotARegularFile) without blocking on it, a larger file too
 * (FileTooLarge). Returns null when nothing is at `path`.
 */
export async function readRegularFile(path: string, maxBytes: number): Promise<{ bytes: Buffer; info: Stats } | null> {
  const read = await readRegularFileBounded(path, maxBytes);
  if (read.ok) return { bytes: read.bytes, info: read.info };
  if (read.problem === 'missing') return null;
  if (read.problem === 'symlink') throw new NotARegularFile(path, 'a symbolic link');
  if (read.problem === 'notAFile') throw new NotARegularFile(path, kindOf(read.info));
  throw new FileTooLarge(path, read.info, maxBytes);
}
