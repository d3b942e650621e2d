import { jdAccountKeychainService, KEYCHAIN_SERVICE } from '../core/app-identity';
import { keytarSecretStore } from '../storage/keytar-secret-store';
import type { SecretStore } from '../core/ports/secret-store';

/** How long closing the keychain may take before the command ends anyway. */
const CLOSE_GRACE_MS = 2_000;

export interface CliKeychain {
  /** The APISecrets. Opened on first use: `gatekey keys` never touches the keychain. */
  store(): SecretStore;
  /** The JD Cloud account's SecretKey entry; opened on first use, so CI with the key in the environment needs no keychain. */
  accountStore(): SecretStore;
  /** Releases the keychain this command opened (not one it was given), so the process can end at once. */
  close(): Promise<void>;
}

async function closeWithin(store: SecretStore): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, CLOSE_GRACE_MS);
    timer.unref();
  });
  await Promise.race([store.close().catch(() => undefined), grace]).finally(() => clearTimeout(timer));
}

/**
 * A SecretStore that opens the real one at its first call, for services that
 * are handed a store up front but may never use it.
 */
export function lazySecretStore(open: () => SecretStore): SecretStore {
  return {
    get: (account) => open().get(account),
    has: (account) => open().has(account),
    set: (account, secret) => open().set(account, secret),
    delete: (account) => open().delete(account),
    accounts: () => open().accounts(),
    state: () => open().state(),
    // Closing is the CLI keychain's job (it knows whether anything was opened).
    close: async () => undefined,
  };
}

export function cliKeychain(env: NodeJS.ProcessEnv, given?: SecretStore): CliKeychain {
  const service = env.GATEKEY_KEYCHAIN_SERVICE || KEYCHAIN_SERVICE;
  let opened: SecretStore | undefined;
  let account: SecretStore | undefined;
  return {
    store: () => given ?? (opened ??= keytarSecretStore(service)),
    accountStore: () => (account ??= keytarSecretStore(jdAccountKeychainService(service))),
    async close() {
      await Promise.all([opened, account].flatMap((store) => (store ? [closeWithin(store)] : [])));
    },
  };
}
