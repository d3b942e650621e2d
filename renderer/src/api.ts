import type { ErrorCode } from '../../electron/core/errors';
import type { AccessKeyFields } from '../../electron/core/access-keys/rules';
import type { Input, Method, Output } from '../../electron/ipc/contract';
import type { IpcError, Result } from '../../electron/ipc/result';
import type { KeyCandidate } from '../../electron/core/key-files/types';
import type {} from './global';
import { noteCall } from './write-watch';

/**
 * The only module that touches `window.api`. Screens and the store call these
 * named functions; each resolves to a Result and never throws.
 */

export type { IpcError, Result };
export type AccessKeyInput = { [K in keyof AccessKeyFields]: string };

async function call<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>> {
  try {
    const send = window.api[method] as (input: Input<M>) => Promise<Result<Output<M>>>;
    const result = await send(input);
    noteCall(method, result);
    return result;
  } catch (error) {
    // The bridge itself failed (no preload, IPC torn down): main never answered.
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'INTERNAL', message: `Gatekey could not reach its background process (${reason}). Restart the app.` } };
  }
}

export const api = {
  getAppStatus: () => call('getAppStatus', {}),
  listAccessKeys: () => call('listAccessKeys', {}),
  getAccessKey: (id: string) => call('getAccessKey', { id }),
  createAccessKey: (fields: AccessKeyInput) => call('createAccessKey', fields),
  updateAccessKey: (id: string, fields: AccessKeyInput) => call('updateAccessKey', { id, ...fields }),
  deleteAccessKey: (id: string) => call('deleteAccessKey', { id }),
  /** The secret goes into the caller's local state only; never into the store. */
  revealAccessKeySecret: (id: string) => call('revealAccessKeySecret', { id }),
  copyAccessKeySecret: (id: string) => call('copyAccessKeySecret', { id }),
  copyAccessKeyApiKey: (id: string) => call('copyAccessKeyApiKey', { id }),
  copyAccessKeyId: (id: string) => call('copyAccessKeyId', { id }),
  /** Without an argument main decides whether to scan for orphan entries (skipped for large keychains). */
  reconcileKeychain: (includeOrphans?: boolean) => call('reconcileKeychain', includeOrphans === undefined ? {} : { includeOrphans }),
  restoreAccessKeySecret: (id: string, secret: string) => call('restoreAccessKeySecret', { id, secret }),
  deleteOrphanSecret: (account: string) => call('deleteOrphanSecret', { account }),
  adoptOrphanSecret: (input: Input<'adoptOrphanSecret'>) => call('adoptOrphanSecret', input),
  listAccessKeyGrants: (id: string) => call('listAccessKeyGrants', { id }),

  listApiGroups: () => call('listApiGroups', {}),
  createApiGroup: (fields: Input<'createApiGroup'>) => call('createApiGroup', fields),
  updateApiGroup: (id: string, fields: Input<'createApiGroup'>) => call('updateApiGroup', { id, ...fields }),
  deleteApiGroup: (id: string) => call('deleteApiGroup', { id }),

  listAuthorizations: () => call('listAuthorizations', {}),
  createAuthorization: (fields: Input<'createAuthorization'>) => call('createAuthorization', fields),
  updateAuthorization: (id: string, description: string) => call('updateAuthorization', { id, description }),
  deleteAuthorization: (id: string) => call('deleteAuthorization', { id }),
  setAuthorizationBindings: (id: string, groupIds: string[]) => call('setAuthorizationBindings', { id, groupIds }),

  exportAccessKeyFile: (id: string) => call('exportAccessKeyFile', { id }),
  copyAccessKeyHandoffText: (id: string) => call('copyAccessKeyHandoffText', { id }),
  chooseKeyFiles: () => call('chooseKeyFiles', {}),
  previewKeyImport: (candidates: KeyCandidate[]) => call('previewKeyImport', { candidates }),
  importKeys: (candidates: KeyCandidate[]) => call('importKeys', { candidates }),

  previewTestCall: (input: Input<'previewTestCall'>) => call('previewTestCall', input),
  sendTestCall: (input: Input<'sendTestCall'>) => call('sendTestCall', input),

  restoreStoreBackup: () => call('restoreStoreBackup', {}),
  resolveStoreConflict: (choice: 'reload' | 'overwrite') => call('resolveStoreConflict', { choice }),
  saveStoreNow: () => call('saveStoreNow', {}),
  checkKeychain: () => call('checkKeychain', {}),
  getKeychainState: () => call('getKeychainState', {}),
  dismissWelcome: () => call('dismissWelcome', {}),
  getAboutInfo: () => call('getAboutInfo', {}),
  showDataFolder: () => call('showDataFolder', {}),
};

// --- Error words ---

const titles: Record<ErrorCode, string> = {
  INVALID_INPUT: 'Please check the entered values',
  // Neutral: access keys, API groups and authorizations all use it; main's message names which.
  NOT_FOUND: 'It no longer exists',
  NAME_TAKEN: 'This name is already in use',
  ALREADY_EXISTS: 'This already exists',
  KEYCHAIN_UNAVAILABLE: 'The OS keychain is not available',
  KEYCHAIN_LOCKED: 'The OS keychain is locked',
  KEYCHAIN_TIMEOUT: 'The OS keychain did not answer in time',
  SECRET_MISSING: 'The APISecret is missing from the OS keychain',
  REQUEST_FAILED: 'The request got no answer',
  STORE_UNREADABLE: 'Gatekey cannot read its data file',
  STORE_WRITE_FAILED: 'Gatekey could not save your change',
  STORE_READ_ONLY: 'Gatekey opened its data read-only',
  FILE_WRITE_FAILED: 'The file could not be written',
  STORE_CONFLICT: 'The data file was changed elsewhere',
  FORBIDDEN_SENDER: 'The request was refused',
  RATE_LIMITED: 'Too many requests in a short time',
  NOT_CONFIRMED: 'Cancelled',
  INTERNAL: 'Something went wrong',
};

const fallbacks: Record<ErrorCode, string> = {
  INVALID_INPUT: 'Some values are not valid.',
  NOT_FOUND: 'It may have been deleted in another window.',
  NAME_TAKEN: 'Choose another name.',
  ALREADY_EXISTS: 'Open the existing one instead.',
  KEYCHAIN_UNAVAILABLE: 'Unlock or start your OS keychain, then try again.',
  KEYCHAIN_LOCKED: 'Unlock your OS keychain, then try again. Nothing was changed.',
  KEYCHAIN_TIMEOUT: 'Look for a keychain prompt and answer it, then try again.',
  SECRET_MISSING: 'Re-enter the APISecret in Health if you still have it, or delete this access key and create a new one.',
  REQUEST_FAILED: 'Check the URL and that the service is reachable.',
  STORE_UNREADABLE: 'The data file was left untouched.',
  STORE_WRITE_FAILED: 'Nothing was changed. Check that the data folder is writable and the disk is not full.',
  STORE_READ_ONLY: 'Another Gatekey is using this data folder. Close it and restart.',
  FILE_WRITE_FAILED: 'Choose another folder and try again.',
  STORE_CONFLICT: 'Reload the file or keep your version first.',
  FORBIDDEN_SENDER: 'Only Gatekey’s own window may make this request.',
  RATE_LIMITED: 'Wait a minute, then try again.',
  NOT_CONFIRMED: 'Nothing was changed.',
  INTERNAL: 'Please try again; if it keeps happening, restart the app.',
};

/** A short heading for the error, in the user's words. */
export const errorTitle = (error: IpcError): string => titles[error.code] ?? titles.INTERNAL;

/** The full explanation: main writes readable messages naming cause and fix; fall back to ours. */
export const errorMessage = (error: IpcError): string =>
  error.message.trim() || (fallbacks[error.code] ?? fallbacks.INTERNAL);
