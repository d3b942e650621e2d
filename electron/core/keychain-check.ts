import { AppError } from './errors';
import type { SecretStore } from '../storage/secret-store';

/** An account no access key can have (IDs are 12 hex), used only to try the keychain. */
const PROBE_ACCOUNT = 'gatekey-keychain-check';

/**
 * Writes, reads back and deletes a throwaway entry: a keychain that is missing,
 * locked or read-only fails here with the same message creating a key would give.
 */
export async function checkKeychain(secrets: SecretStore): Promise<{ available: true }> {
  const probe = `probe-${Date.now()}`;
  await secrets.set(PROBE_ACCOUNT, probe);
  try {
    if ((await secrets.get(PROBE_ACCOUNT)) !== probe) {
      throw new AppError('KEYCHAIN_UNAVAILABLE', 'The OS keychain accepted an entry but did not return it. Unlock the keychain and try again.');
    }
  } finally {
    await secrets.delete(PROBE_ACCOUNT);
  }
  return { available: true };
}
