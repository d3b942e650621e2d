import type { SecretStore } from './secret-store';
import { keychainUnavailable } from './keychain-errors';

type Keytar = typeof import('keytar');

// Loaded on first use, so that a missing native module or libsecret library
// degrades to "keychain unavailable" instead of stopping the app at start-up.
let keytarModule: Promise<Keytar> | undefined;
const loadKeytar = (): Promise<Keytar> => (keytarModule ??= import('keytar').then((module) => (module.default ?? module) as Keytar));

/** The only module that imports keytar: swap the backend here and nowhere else. */
export function keytarSecretStore(service: string): SecretStore {
  // One keychain call at a time: libsecret aborts the process when an item is
  // deleted while findCredentials is walking the same collection.
  let queue: Promise<unknown> = Promise.resolve();
  function guarded<T>(call: (keytar: Keytar) => Promise<T>): Promise<T> {
    const run = queue.then(async () => {
      try {
        return await call(await loadKeytar());
      } catch (error) {
        throw keychainUnavailable(error);
      }
    });
    queue = run.catch(() => undefined);
    return run;
  }
  return {
    get: (account) => guarded((keytar) => keytar.getPassword(service, account)),
    set: (account, secret) => guarded((keytar) => keytar.setPassword(service, account, secret)),
    delete: (account) => guarded((keytar) => keytar.deletePassword(service, account)),
    // findCredentials returns the passwords too; drop them at once.
    accounts: () => guarded(async (keytar) => (await keytar.findCredentials(service)).map((entry) => entry.account)),
  };
}
