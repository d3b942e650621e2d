import { KEYCHAIN_SERVICE } from '../core/app-identity';
import { keytarSecretStore } from '../storage/keytar-secret-store';
import type { SecretStore } from '../core/ports/secret-store';

/** How long closing the keychain may take before the command ends anyway. */
const CLOSE_GRACE_MS = 2_000;

export interface CliKeychain {
  /** Opened on first use: `gatekey keys` never touches the keychain. */
  store(): SecretStore;
  /** Releases the keychain this command opened (not one it was given), so the process can end at once. */
  close(): Promise<void>;
}

export function cliKeychain(env: NodeJS.ProcessEnv, given?: SecretStore): CliKeychain {
  let opened: SecretStore | undefined;
  return {
    store: () => given ?? (opened ??= keytarSecretStore(env.GATEKEY_KEYCHAIN_SERVICE || KEYCHAIN_SERVICE)),
    async close() {
      if (!opened) return;
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, CLOSE_GRACE_MS);
        timer.unref();
      });
      await Promise.race([opened.close().catch(() => undefined), grace]).finally(() => clearTimeout(timer));
    },
  };
}
