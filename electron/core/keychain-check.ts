import { AppError } from '../shared/errors';
import { errorOfState } from './keychain-errors';
import type { SecretStore } from './ports/secret-store';

/** An account no access key can have (IDs are 12 hex), used only to try the keychain. */
export const PROBE_ACCOUNT = 'gatekey-keychain-check';

/**
 * Writes, reads back and deletes a throwaway entry: a keychain that is missing,
 * locked or read-only fails here with the same message creating a key would give.
 * A probe left behind by a check cut short (a timeout whose write landed even
 * later) is removed before each check, and by each reconciliation.
 */
export async function checkKeychain(secrets: SecretStore): Promise<{ available: true }> {
  await secrets.delete(PROBE_ACCOUNT);
  const probe = `probe-${Date.now()}`;
  try {
    // Inside the try: a write that timed out may have landed by the time the delete runs.
    await secrets.set(PROBE_ACCOUNT, probe);
    if ((await secrets.get(PROBE_ACCOUNT)) !== probe) {
      throw new AppError('KEYCHAIN_UNAVAILABLE', 'The OS keychain accepted an entry but did not return it. Unlock the keychain and try again.', { reason: 'keychainProbeLost' });
    }
  } finally {
    await secrets.delete(PROBE_ACCOUNT).catch(() => false);
  }
  return { available: true };
}

/** For an instance that must not change the keychain (read-only data): its state, without writing. */
export async function checkKeychainReadOnly(secrets: SecretStore): Promise<{ available: true }> {
  // A real question, which only reads: where there is no Secret Service to
  // ask (macOS, Windows), state() repeats what the last call taught.
  await secrets.has(PROBE_ACCOUNT);
  const state = await secrets.state();
  if (state.state === 'ready') return { available: true };
  throw errorOfState(state);
}
