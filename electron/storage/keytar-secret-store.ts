import { AppError } from '../core/errors';
import type { SecretStore } from './secret-store';
import { keychainUnavailable } from './keychain-errors';

type Keytar = typeof import('keytar');

/** A keychain call that takes longer is abandoned, so a stuck prompt never freezes Gatekey. */
export const KEYCHAIN_TIMEOUT_MS = 10_000;

// Loaded on first use, so that a missing native module or libsecret library
// degrades to "keychain unavailable" instead of stopping the app at start-up.
let keytarModule: Promise<Keytar> | undefined;
const loadKeytar = (): Promise<Keytar> => (keytarModule ??= import('keytar').then((module) => (module.default ?? module) as Keytar));

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`The keychain did not answer within ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** The only module that imports keytar: swap the backend here and nowhere else. */
export function keytarSecretStore(service: string, timeoutMs = KEYCHAIN_TIMEOUT_MS, load: () => Promise<Keytar> = loadKeytar): SecretStore {
  // One keychain call at a time: libsecret aborts the process when an item is
  // deleted while findCredentials is walking the same collection.
  let queue: Promise<unknown> = Promise.resolve();
  function guarded<T>(call: (keytar: Keytar) => Promise<T>): Promise<T> {
    const run = queue.then(async () => {
      try {
        return await withTimeout(load().then(call), timeoutMs);
      } catch (error) {
        throw keychainUnavailable(error);
      }
    });
    queue = run.catch(() => undefined);
    return run;
  }
  return {
    // null means "no such entry"; a locked or cancelled keychain throws instead (mapped above).
    get: (account) => guarded((keytar) => keytar.getPassword(service, account)),
    set: (account, secret) => {
      // Secrets must survive the keychain's UTF-8 round trip unchanged.
      if (LONE_SURROGATE.test(secret)) return Promise.reject(new AppError('INVALID_INPUT', 'The secret is not well-formed text and cannot be stored.'));
      return guarded((keytar) => keytar.setPassword(service, account, secret));
    },
    delete: (account) => guarded((keytar) => keytar.deletePassword(service, account)),
    // findCredentials returns the passwords too; drop them at once.
    accounts: () => guarded(async (keytar) => (await keytar.findCredentials(service)).map((entry) => entry.account)),
    // Interim until the lock-state probe lands (issue 11, keychain part).
    state: async () => ({ state: 'ready' }),
    close: async () => undefined,
  };
}
