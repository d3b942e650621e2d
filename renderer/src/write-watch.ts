import type { Method } from '../../electron/ipc/contract';
import type { Result } from '../../electron/ipc/result';

/**
 * Tells the app when a call may have changed the data file's state, so the
 * store status (unsaved, conflict, read-only) is asked for again. A failed save
 * no longer fails the action: only the status says the change is not on disk.
 */

/** Channels that never write the data file. Any other channel (including new ones) counts as a write. */
const READS: ReadonlySet<Method> = new Set<Method>([
  'getAppStatus',
  'listAccessKeys',
  'getAccessKey',
  'revealAccessKeySecret',
  'copyAccessKeySecret',
  'copyAccessKeyApiKey',
  'copyAccessKeyId',
  'reconcileKeychain',
  'restoreAccessKeySecret',
  'deleteOrphanSecret',
  'listAccessKeyGrants',
  'listApiGroups',
  'listAuthorizations',
  'exportAccessKeyFile',
  'copyAccessKeyHandoffText',
  'chooseKeyFiles',
  'previewKeyImport',
  'previewTestCall',
  'sendTestCall',
  'checkKeychain',
  'getAboutInfo',
  'showDataFolder',
]);

/** Errors that mean the store's state changed under us. STORE_UNREADABLE is known from the start. */
const STATUS_ERRORS = new Set(['STORE_READ_ONLY', 'STORE_CONFLICT', 'STORE_WRITE_FAILED']);

let listener: (() => void) | null = null;

/** One listener at a time (the app's status watch); returns the unsubscribe. */
export function watchWrites(onWrite: () => void): () => void {
  listener = onWrite;
  return () => {
    if (listener === onWrite) listener = null;
  };
}

/** Called by api.ts after every answer from main. */
export function noteCall(method: Method, result: Result<unknown>): void {
  if (method === 'getAppStatus') return;
  if (!READS.has(method) || (!result.ok && STATUS_ERRORS.has(result.error.code))) listener?.();
}
