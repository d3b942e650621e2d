import type { Stats } from 'node:fs';
import { readHandleBounded, readRegularFileBounded, type BoundedRead, type ReadableHandle } from './bounded-read';
import { fileKindOf, type FileKind } from './file-kind';

export { NO_FOLLOW_NO_BLOCK, type ReadableHandle } from './bounded-read';

/**
 * Reading a file the user chose (an import, a `--data-file`): the path is
 * opened once, and everything after that goes through the one handle, so a
 * file swapped or grown after the check cannot deliver more than the limit.
 */

export type ChosenFileRead = { ok: true; bytes: Buffer } | { ok: false; reason: string };

const notAFileWords: Partial<Record<FileKind, string>> = {
  folder: 'It is a folder, not a file.',
  fifo: 'It is a pipe (FIFO), not a file; it was not read.',
  socket: 'It is a socket, not a file; it was not read.',
  device: 'It is a device, not a file; it was not read.',
};

export const notAFile = (info: Stats): string => notAFileWords[fileKindOf(info)] ?? 'It is not a regular file; it was not read.';

const SYMLINK = 'It is a symbolic link; choose the file it points to instead.';

export function openFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  // ELOOP on Linux, EMLINK on FreeBSD: what O_NOFOLLOW answers for a symlink.
  if (code === 'ELOOP' || code === 'EMLINK') return SYMLINK;
  if (code === 'ENOENT') return 'It no longer exists.';
  if (code === 'EACCES' || code === 'EPERM') return 'Gatekey is not allowed to read it.';
  return `It could not be read (${code}).`;
}

function worded(read: BoundedRead, tooBig: string): ChosenFileRead {
  if (read.ok) return { ok: true, bytes: read.bytes };
  if (read.problem === 'missing') return { ok: false, reason: 'It no longer exists.' };
  if (read.problem === 'symlink') return { ok: false, reason: SYMLINK };
  if (read.problem === 'notAFile') return { ok: false, reason: notAFile(read.info) };
  return { ok: false, reason: tooBig };
}

/**
 * Reads at most `maxBytes + 1` bytes from an open handle, refusing anything
 * but a regular file, and refusing the file if more than `maxBytes` arrived:
 * the limit holds on the bytes read, whatever the stat said.
 */
export async function readBoundedFromHandle(handle: ReadableHandle, maxBytes: number, tooBig: string): Promise<ChosenFileRead> {
  return worded(await readHandleBounded(handle, maxBytes), tooBig);
}

/** Opens `path` once (no symlink, never blocking) and reads it through that handle within `maxBytes`. */
export async function readChosenFile(path: string, maxBytes: number, tooBig: string): Promise<ChosenFileRead> {
  try {
    return worded(await readRegularFileBounded(path, maxBytes), tooBig);
  } catch (error) {
    return { ok: false, reason: openFailure(error) };
  }
}
