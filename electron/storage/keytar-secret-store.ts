import { AppError } from '../shared/errors';
import { loneSurrogate } from '../shared/text-rules';
import type { ReportedKeychainState, SecretStore } from '../core/ports/secret-store';
import { isKeychainError, keychainError, keychainLocked, stateOf } from '../core/keychain-errors';
import { nodeWorkerLauncher } from './keychain/node-worker';
import { secretService, type SecretService } from './keychain/secret-service';
import type { WorkerLauncher } from './keychain/worker-protocol';
import { workerRunner, WorkerStopped } from './keychain/worker-runner';

/** A keychain call that takes longer is abandoned, so a stuck prompt never freezes Gatekey. */
export const KEYCHAIN_TIMEOUT_MS = 10_000;

/**
 * libsecret's answers once the keyring daemon it was talking to has gone: the
 * helper must be replaced. A helper that crashed is not among them: its call
 * may have been carried out, and a locked collection would crash it again.
 */
const STALE_CONNECTION = /not provided by any \.service files|session .*does not exist|ServiceUnknown|NoReply|Disconnected/i;

/** How long close() lets a call in flight finish before it stops the helper. */
const CLOSE_GRACE_MS = 1_000;

export interface KeytarStoreOptions {
  timeoutMs?: number;
  /** How the keytar helper process starts: Node's fork by default, Electron's utility process in the app. */
  launchWorker?: WorkerLauncher;
  /** Linux: the session bus of the Secret Service to use (default: this process's); the helper gets the same. */
  busAddress?: string;
  platform?: NodeJS.Platform;
}

class TimedOut extends Error {}

type Ask = <R>(question: (secretService: SecretService) => Promise<R>) => Promise<R>;

const closedStore = () => new AppError('KEYCHAIN_UNAVAILABLE', "Gatekey closed its keychain connection (it is shutting down); nothing was changed.", { reason: 'keychainClosed' });

/**
 * The only module that reaches keytar, which runs in a helper process: a
 * segfault or a dead libsecret connection there costs one call, not the app.
 * On Linux the Secret Service is asked over D-Bus first, so a locked entry is
 * told from a missing one and findCredentials never meets a locked collection.
 */
export function keytarSecretStore(service: string, options: KeytarStoreOptions = {}): SecretStore {
  const timeoutMs = options.timeoutMs ?? KEYCHAIN_TIMEOUT_MS;
  const platform = options.platform ?? process.platform;
  const worker = workerRunner(options.launchWorker ?? nodeWorkerLauncher(), (): Record<string, string> => (options.busAddress ? { DBUS_SESSION_BUS_ADDRESS: options.busAddress } : {}));
  const probe: SecretService | undefined = platform === 'linux' ? secretService(() => options.busAddress ?? process.env.DBUS_SESSION_BUS_ADDRESS) : undefined;
  // The Secret Service the current helper talks to: another one means the daemon restarted.
  let helperOwner: string | undefined;
  // Where there is no probe (macOS, Windows): what the last call taught.
  let learnt: ReportedKeychainState = { state: 'ready' };

  // Set by close(): no call starts after it, and none reopens what close() stopped.
  let closed = false;

  // One keychain call at a time: libsecret aborts the process when an item is
  // deleted while findCredentials is walking the same collection.
  let queue: Promise<unknown> = Promise.resolve();
  function guarded<T>(call: (ask: Ask, remaining: () => number) => Promise<T>): Promise<T> {
    if (closed) return Promise.reject(closedStore());
    const run = queue.then(async () => {
      if (closed) throw closedStore();
      const deadline = Date.now() + timeoutMs;
      const remaining = () => Math.max(1, deadline - Date.now());
      // Only on Linux is there a Secret Service to ask; callers check `probe` first.
      const ask: Ask = (question) => raceDeadline(question(probe!), remaining());
      try {
        const result = await call(ask, remaining);
        learnt = { state: 'ready' };
        return result;
      } catch (error) {
        if (closed) throw error instanceof AppError ? error : closedStore();
        if (error instanceof TimedOut || (error instanceof Error && error.name === 'WorkerTimedOut')) {
          // A stuck call must not block the next one: fresh helper, fresh bus connection.
          worker.restart();
          probe?.close();
        }
        const mapped = keychainError(error instanceof TimedOut ? new Error(`The keychain did not answer within ${Math.max(1, Math.round(timeoutMs / 1000))} s`) : error, platform);
        if (isKeychainError(mapped)) learnt = stateOf(mapped);
        throw mapped;
      }
    });
    queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Runs one keytar call in the helper. A helper bound to a gone daemon is
   * replaced and the call retried once; a helper that crashed is retried only
   * when the Secret Service itself changed (its call cannot have landed there).
   */
  async function inHelper(request: Parameters<typeof worker.call>[0], ask: Ask, remaining: () => number) {
    for (let attempt = 0; ; attempt++) {
      if (probe) {
        const owner = await ask((secretService) => secretService.owner());
        if (helperOwner !== undefined && owner !== helperOwner) worker.restart();
        helperOwner = owner;
      }
      try {
        return await worker.call(request, remaining());
      } catch (error) {
        if (closed || attempt > 0 || !(error instanceof Error)) throw error;
        if (error instanceof WorkerStopped) {
          if (!probe) throw error;
          // A crash right after the collection was locked is the lock's doing: trying again would crash again.
          if ((await ask((secretService) => secretService.defaultCollection()))?.locked) throw keychainLocked('defaultKeyring', platform);
          if ((await ask((secretService) => secretService.owner())) === helperOwner) throw error;
        } else if (!STALE_CONNECTION.test(error.message)) {
          throw error;
        }
        worker.restart();
      }
    }
  }

  async function lockedOrFound(account: string, ask: Ask): Promise<boolean> {
    if (!probe) return true;
    const { unlocked, locked } = await ask((secretService) => secretService.search({ service, account }));
    if (unlocked.length === 0 && locked.length > 0) throw keychainLocked('entryKeyring', platform);
    return unlocked.length > 0;
  }

  /** A default collection that exists and is locked; none at all is not locked: keytar creates it (through a prompt) on the first write. */
  async function assertDefaultUnlocked(ask: Ask): Promise<void> {
    if (probe && (await ask((secretService) => secretService.defaultCollection()))?.locked) throw keychainLocked('defaultKeyring', platform);
  }

  return {
    get: (account) =>
      guarded(async (ask, remaining) => {
        if (!(await lockedOrFound(account, ask))) return null;
        const secret = await inHelper({ op: 'get', service, account }, ask, remaining);
        if (typeof secret === 'string') return secret;
        // Locked between the two questions: libsecret answers null for a locked item.
        await lockedOrFound(account, ask);
        return null;
      }),
    has: (account) =>
      guarded(async (ask, remaining) => {
        // Linux: the Secret Service's search says it without reading the secret at all.
        if (probe) return lockedOrFound(account, ask);
        return (await inHelper({ op: 'has', service, account }, ask, remaining)) === true;
      }),
    set: (account, secret) => {
      // Secrets must survive the keychain's UTF-8 round trip unchanged.
      if (loneSurrogate.test(secret)) return Promise.reject(new AppError('INVALID_INPUT', 'The secret is not well-formed text and cannot be stored.', { reason: 'secretNotWellFormed' }));
      return guarded(async (ask, remaining) => {
        await assertDefaultUnlocked(ask);
        await inHelper({ op: 'set', service, account, secret }, ask, remaining);
      });
    },
    delete: (account) =>
      guarded(async (ask, remaining) => {
        if (!(await lockedOrFound(account, ask))) return false;
        return (await inHelper({ op: 'delete', service, account }, ask, remaining)) === true;
      }),
    accounts: () =>
      guarded(async (ask, remaining) => {
        if (!probe) return ((await inHelper({ op: 'accounts', service }, ask, remaining)) as string[] | undefined) ?? [];
        // Listed over D-Bus: findCredentials segfaults on a locked collection and would carry every secret.
        const { unlocked, locked } = await ask((secretService) => secretService.search({ service }));
        if (locked.length > 0) throw keychainLocked({ lockedEntries: locked.length }, platform);
        const accounts: string[] = [];
        for (const item of unlocked) {
          const account = await ask((secretService) => secretService.attribute(item, 'account'));
          if (account !== undefined) accounts.push(account);
        }
        return accounts;
      }),
    state: async () => {
      if (!probe) return learnt;
      // No keyring yet (a fresh profile) is ready: the first write creates one.
      return guarded(async (ask) => {
        await assertDefaultUnlocked(ask);
        return { state: 'ready' } as const;
      }).catch((error: AppError) => stateOf(error));
    },
    close: async () => {
      closed = true;
      // A call in flight (a write the user waits on) may finish; a stuck one is cut short.
      await raceDeadline(queue, CLOSE_GRACE_MS).catch(() => undefined);
      worker.close();
      probe?.end();
    },
  };
}

function raceDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut()), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
