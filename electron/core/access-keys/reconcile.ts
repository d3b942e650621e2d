import { PROBE_ACCOUNT } from '../keychain-check';
import { isKeychainError, stateOf } from '../keychain-errors';
import type { RecordStore } from '../ports/record-store';
import type { KeychainState, SecretStore } from '../ports/secret-store';
import type { LateWrites } from './late-writes';
import type { ReconcileReport, SecretStatus } from '../../shared/access-keys/types';

/** Above this many keys the start-up pass skips the slow whole-keychain scan for orphans. */
export const ORPHAN_SCAN_LIMIT = 1_000;

export interface ReconcileDeps {
  store: RecordStore;
  secrets: SecretStore;
  secretStatus: Map<string, SecretStatus>;
  lateWrites: LateWrites;
}

/**
 * Compares keychain and store. Each record is checked with its own keychain
 * call, so a user action waits for one call at most, never for the whole pass.
 * Looking for orphan entries needs a scan of the whole service (about 2.4 ms
 * an entry): by default it runs only for stores of up to ORPHAN_SCAN_LIMIT
 * keys. A keychain that is not ready is reported, never thrown, and makes no
 * secret "missing": start-up on a locked keychain still lists every key.
 */
export async function reconcileKeychain({ store, secrets, secretStatus, lateWrites }: ReconcileDeps, includeOrphans?: boolean): Promise<ReconcileReport> {
  const records = store.read().accessKeys;
  const unreadable = (keychain: Exclude<KeychainState, { state: 'ready' }>): ReconcileReport => {
    for (const { id } of records) secretStatus.set(id, 'unreadable');
    return { missingSecretIds: [], orphanAccounts: [], orphansChecked: false, keychain, lateWritesRemoved: [] };
  };
  const keychain = await secrets.state();
  if (keychain.state !== 'ready') return unreadable(keychain);
  try {
    const ids = store.index('accessKeyById');
    let lateWritesRemoved: string[] = [];
    if (store.status.state === 'ok') {
      // At start-up and after every timed-out write: entries nobody ever saw are removed.
      await secrets.delete(PROBE_ACCOUNT);
      lateWritesRemoved = await lateWrites.sweep(secrets, (account) => ids.has(account));
    }
    const missingSecretIds: string[] = [];
    for (const { id } of records) {
      const present = await secrets.has(id);
      secretStatus.set(id, present ? 'present' : 'missing');
      if (!present) missingSecretIds.push(id);
    }
    if (!(includeOrphans ?? records.length <= ORPHAN_SCAN_LIMIT)) return { missingSecretIds, orphanAccounts: [], orphansChecked: false, keychain, lateWritesRemoved };
    const orphanAccounts = (await secrets.accounts()).filter((account) => !ids.has(account));
    return { missingSecretIds, orphanAccounts, orphansChecked: true, keychain, lateWritesRemoved };
  } catch (error) {
    // Locked (or gone) in the middle of the pass: what was learnt so far cannot be trusted either.
    if (isKeychainError(error)) return unreadable(stateOf(error));
    throw error;
  }
}
