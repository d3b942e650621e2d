import { constants, copyFile, mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { cannotWriteReason, describeCannotWrite } from './cannot-write';
import { acquireLock, type LockResult } from './lock-file';
import { NotARegularFile } from './regular-file';
import { STORE_FILE_VERSION } from '../shared/store/schema';
import type { StoreStatus } from '../shared/store/status';

export const LOCK_FILE_NAME = 'gatekey.lock';

/**
 * Makes the data folder ours to write, after the file was read: creates it,
 * keeps a pre-migration copy, takes the lock. Anything that stops writing
 * (another Gatekey, a read-only folder, a full disk) gives a read-only status
 * that says why and what to do; the data read stays visible either way.
 */
export async function takeDataFolder(file: string, fileVersion: number | undefined): Promise<{ status: StoreStatus; release?: () => Promise<void> }> {
  const folder = dirname(file);
  const readOnly = (problem: string, cause: 'anotherInstance' | 'readOnlyFolder' | 'diskFull' | 'lockFailed') => ({ status: { state: 'readOnly', file, problem, cause } as const });
  try {
    await mkdir(folder, { recursive: true, mode: 0o700 });
  } catch (error) {
    const cannotWrite = cannotWriteReason(await realMkdirError(folder, error));
    if (cannotWrite) return readOnly(describeCannotWrite(cannotWrite, folder), cannotWrite.cause);
    throw error;
  }
  if (fileVersion !== undefined && fileVersion < STORE_FILE_VERSION) {
    try {
      await keepPreMigrationCopy(file, fileVersion);
    } catch (error) {
      const cannotWrite = cannotWriteReason(error);
      if (cannotWrite) return readOnly(describeCannotWrite(cannotWrite, folder), cannotWrite.cause);
      const problem = `The file is from an older Gatekey (schemaVersion ${fileVersion}) and no copy of it could be kept before upgrading (${(error as NodeJS.ErrnoException).code ?? 'error'}).`;
      return { status: { state: 'unreadable', file, problem, backupAvailable: false } };
    }
  }
  const lockPath = join(folder, LOCK_FILE_NAME);
  let lock: LockResult;
  try {
    lock = await acquireLock(lockPath);
  } catch (error) {
    const why = error instanceof NotARegularFile ? error.message : ((error as NodeJS.ErrnoException).code ?? (error as Error).message);
    return readOnly(`Gatekey could not take the data folder lock ${lockPath} (${why}), so it opened your data read-only. Restart Gatekey; if this stays, check the data folder.`, 'lockFailed');
  }
  if ('cannotWrite' in lock) return readOnly(describeCannotWrite(lock.cannotWrite, folder), lock.cannotWrite.cause);
  if (!lock.held) {
    return readOnly(`Another Gatekey (process ${lock.owner.pid}, since ${lock.owner.since}) is using this data folder; this one only reads it. Close the other one and restart.`, 'anotherInstance');
  }
  return { status: { state: 'ok', file }, release: lock.release };
}

/** A recursive mkdir on a read-only disk answers ENOENT; the first missing folder, made alone, says EROFS. */
async function realMkdirError(folder: string, error: unknown): Promise<unknown> {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return error;
  let missing = folder;
  while (dirname(missing) !== missing && !(await stat(dirname(missing)).then(() => true, () => false))) missing = dirname(missing);
  try {
    await mkdir(missing, { mode: 0o700 });
    return error;
  } catch (real) {
    return real;
  }
}

/**
 * The migrated data is written at the next save, in the new format: keep the
 * old file beside it first, so a downgrade or a migration bug loses nothing.
 */
async function keepPreMigrationCopy(file: string, fileVersion: number): Promise<void> {
  try {
    await copyFile(file, `${file}.v${fileVersion}.bak`, constants.COPYFILE_EXCL);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}
