import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { AppError } from './errors';
import { NO_FOLLOW_NO_BLOCK, notAFile } from './read-chosen-file';

/**
 * Writes a file to a path the user chose in a save dialog. Never through a
 * symlink, never into a FIFO (opening one for writing would wait for a reader
 * forever), a device or a folder: the open handle is checked before a byte is
 * written, and only a regular file is truncated and written.
 */
function writeFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  if (code === 'ELOOP' || code === 'EMLINK') return 'It is a symbolic link.';
  if (code === 'ENXIO') return 'It is a pipe (FIFO), not a file.';
  if (code === 'EISDIR') return 'It is a folder, not a file.';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'Gatekey is not allowed to write there.';
  if (code === 'ENOSPC') return 'The disk is full.';
  return `The system refused (${code}).`;
}

export async function writeChosenFile(path: string, text: string, mode = 0o644): Promise<void> {
  const refuse = (reason: string) => new AppError('FILE_WRITE_FAILED', `Could not write ${path}: ${reason} Choose another file name.`);
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_WRONLY | constants.O_CREAT | NO_FOLLOW_NO_BLOCK, mode);
  } catch (error) {
    throw refuse(writeFailure(error));
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw refuse(notAFile(info));
    await handle.truncate(0);
    await handle.writeFile(text, 'utf8');
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw refuse(writeFailure(error));
  } finally {
    await handle.close();
  }
}
