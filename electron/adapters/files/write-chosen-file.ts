import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { AppError } from '../../shared/errors';
import { fileKindOf } from './file-kind';
import { NO_FOLLOW_NO_BLOCK, notAFile } from './read-chosen-file';

/** Why a write failed, by errno; anything else is named by its errno. */
const problemWords = {
  symlink: 'It is a symbolic link.',
  fifo: 'It is a pipe (FIFO), not a file.',
  folder: 'It is a folder, not a file.',
  notAllowed: 'Gatekey is not allowed to write there.',
  diskFull: 'The disk is full.',
} as const;

function problemOf(errno: string): keyof typeof problemWords | 'other' {
  if (errno === 'ELOOP' || errno === 'EMLINK') return 'symlink';
  if (errno === 'ENXIO') return 'fifo';
  if (errno === 'EISDIR') return 'folder';
  if (errno === 'EACCES' || errno === 'EPERM' || errno === 'EROFS') return 'notAllowed';
  if (errno === 'ENOSPC') return 'diskFull';
  return 'other';
}

/**
 * Writes a file to a path the user chose in a save dialog. Never through a
 * symlink, never into a FIFO (opening one for writing would wait for a reader
 * forever), a device or a folder: the open handle is checked before a byte is
 * written, and only a regular file is truncated and written.
 */
export async function writeChosenFile(path: string, text: string, mode = 0o644): Promise<void> {
  const said = (reason: string) => `Could not write ${path}: ${reason} Choose another file name.`;
  const refuse = (error: unknown) => {
    const errno = (error as NodeJS.ErrnoException).code ?? 'error';
    const problem = problemOf(errno);
    if (problem === 'other') return new AppError('FILE_WRITE_FAILED', said(`The system refused (${errno}).`), { reason: 'fileWriteFailed', params: { path, problem, errno } });
    return new AppError('FILE_WRITE_FAILED', said(problemWords[problem]), { reason: 'fileWriteFailed', params: { path, problem } });
  };
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_WRONLY | constants.O_CREAT | NO_FOLLOW_NO_BLOCK, mode);
  } catch (error) {
    throw refuse(error);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new AppError('FILE_WRITE_FAILED', said(notAFile(info)), { reason: 'fileWriteNotAFile', params: { path, kind: fileKindOf(info) } });
    await handle.truncate(0);
    await handle.writeFile(text, 'utf8');
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw refuse(error);
  } finally {
    await handle.close();
  }
}
