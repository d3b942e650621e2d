import { AppError } from '../errors';
import type { MetadataStore } from '../../storage/metadata-store';

/**
 * Only the instance that may write the data file may change the keychain: a
 * read-only one reads an old copy of the records, so an entry it calls an
 * orphan may belong to a key the other instance created since.
 */
export function assertMayChangeKeychain(store: MetadataStore): void {
  const status = store.status;
  if (status.state === 'ok') return;
  if (status.state === 'conflict') {
    throw new AppError('STORE_CONFLICT', `${status.problem} Choose whether to reload it or keep your version before changing the keychain.`);
  }
  const why = status.state === 'readOnly' ? status.problem : `The data file cannot be used (${status.problem}).`;
  throw new AppError('STORE_READ_ONLY', `${why} This Gatekey does not change the keychain while its data is read-only; nothing was changed.`);
}
