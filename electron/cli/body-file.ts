import type { Stats } from 'node:fs';
import { readRegularFileBounded } from '../adapters/files/bounded-read';
import { AppError } from '../shared/errors';
import { visible } from '../shared/signing/input-rules';
import { MAX_BODY_BYTES } from '../core/signing/request';
import { EXIT, ExitError } from './exit-codes';

const unreadable = (path: string, why: string) => new ExitError(EXIT.store, `--data-file ${visible(path, 400)} ${why}.`);

const reasonOf = (code: string | undefined): string => {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read (permission denied)';
    default:
      return `cannot be read (${code ?? 'error'})`;
  }
};

function notAFile(info: Stats): string {
  if (info.isDirectory()) return 'is a folder; name a file';
  if (info.isFIFO()) return 'is a pipe (FIFO), not a file; it was not read';
  if (info.isSocket()) return 'is a socket, not a file; it was not read';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'is a device, not a file; it was not read';
  return 'is not a regular file; it was not read';
}

/**
 * The request body from --data-file: a regular file only, opened once without
 * following a symlink or blocking (a FIFO with no writer would hang the
 * command forever), and never read past the 10 MiB limit + 1 byte.
 */
export async function readBodyFile(path: string): Promise<string> {
  let read: Awaited<ReturnType<typeof readRegularFileBounded>>;
  try {
    read = await readRegularFileBounded(path, MAX_BODY_BYTES);
  } catch (error) {
    throw unreadable(path, reasonOf((error as NodeJS.ErrnoException).code));
  }
  if (read.ok) return read.bytes.toString('utf8');
  switch (read.problem) {
    case 'missing':
      throw unreadable(path, 'does not exist');
    case 'symlink':
      throw unreadable(path, 'is a symbolic link; name the file it points to');
    case 'notAFile':
      throw unreadable(path, notAFile(read.info));
    case 'tooBig':
      throw new AppError('INVALID_INPUT', `--data-file ${visible(path, 400)} is over 10 MiB; a signed test request cannot send that much.`, {
        reason: 'cliDataFileTooBig',
        params: { path: visible(path, 400), maxMiB: MAX_BODY_BYTES / 1024 / 1024 },
      });
  }
}
