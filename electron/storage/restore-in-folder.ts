import { dirname, join } from 'node:path';
import { AppError } from '../shared/errors';
import { describeCannotWrite } from './cannot-write';
import { acquireLock } from './lock-file';
import { restoreNewestBackup } from './restore-backup';
import { LOCK_FILE_NAME } from './take-folder';

/**
 * Restores the newest valid backup of an unreadable `file`, holding the data
 * folder's lock before touching anything in it. On success the caller keeps
 * the lock (`release`); on failure it is let go.
 */
export async function restoreHoldingFolder(file: string, at: Date): Promise<{ restoredFrom: string; movedAsideTo: string; release: () => Promise<void> }> {
  const lock = await acquireLock(join(dirname(file), LOCK_FILE_NAME));
  if ('cannotWrite' in lock) {
    const { cause, code } = lock.cannotWrite;
    throw new AppError('STORE_READ_ONLY', describeCannotWrite(lock.cannotWrite, dirname(file)), {
      reason: cause === 'diskFull' ? 'restoreDiskFull' : 'restoreFolderReadOnly',
      params: { errno: code, folder: dirname(file) },
    });
  }
  if (!lock.held) {
    throw new AppError('STORE_READ_ONLY', `Another Gatekey (process ${lock.owner.pid}) is using this data folder; close it before restoring.`, { reason: 'restoreFolderInUse', params: { pid: lock.owner.pid } });
  }
  try {
    return { ...(await restoreNewestBackup(file, at)), release: lock.release };
  } catch (error) {
    await lock.release();
    throw error;
  }
}
