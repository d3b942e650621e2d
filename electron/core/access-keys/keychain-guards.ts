import { AppError } from '../../shared/errors';
import type { RecordStore } from '../ports/record-store';

/**
 * Only the instance that may write the data file may change the keychain: a
 * read-only one reads an old copy of the records, so an entry it calls an
 * orphan may belong to a key the other instance created since.
 */
export function assertMayChangeKeychain(store: RecordStore): void {
  const status = store.status;
  if (status.state === 'ok') return;
  if (status.state === 'conflict') {
    throw new AppError('STORE_CONFLICT', `${status.problem} Choose whether to reload it or keep your version before changing the keychain.`, {
      reason: 'keychainChangeInConflict',
      params: { detail: status.problem },
    });
  }
  const refusal = ' This Gatekey does not change the keychain while its data is read-only; nothing was changed.';
  if (status.state === 'readOnly') {
    throw new AppError('STORE_READ_ONLY', `${status.problem}${refusal}`, { reason: 'keychainChangeReadOnly', params: { detail: status.problem, cause: status.cause ?? 'unknown' } });
  }
  throw new AppError('STORE_READ_ONLY', `The data file cannot be used (${status.problem}).${refusal}`, { reason: 'keychainChangeUnreadable', params: { detail: status.problem } });
}
