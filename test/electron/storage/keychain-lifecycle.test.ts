import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkKeychainReadOnly } from '../../../electron/core/keychain-check';
import type { Result } from '../../../electron/ipc/result';
import { nodeWorkerLauncher } from '../../../electron/storage/keychain/node-worker';
import type { WorkerLauncher, WorkerOp } from '../../../electron/storage/keychain/worker-protocol';
import { keytarSecretStore } from '../../../electron/storage/keytar-secret-store';
import type { SecretStore } from '../../../electron/core/ports/secret-store';
import { startPrivateKeyring, type PrivateKeyring } from '../../support/private-keyring';
import { startTestBackend, testKeychainService, type TestBackend } from '../../support/test-backend';

// Each test gets a Secret Service of its own (own D-Bus session, own
// gnome-keyring-daemon), so it can lock it, stop it or remove its default
// collection for real. Helpers that are slow or crash wrap the real keytar
// (see test/support/*-keychain-worker.mjs): only the timing or the crash is made up.
const KEYCHAIN_WORK = 60_000;
const script = (name: string) => new URL(`../../support/${name}`, import.meta.url).pathname;

let keyring: PrivateKeyring;
let scratch: string;
const stores: SecretStore[] = [];
const backends: TestBackend[] = [];
const service = testKeychainService();

beforeEach(async () => {
  keyring = await startPrivateKeyring();
  scratch = await mkdtemp(join(tmpdir(), 'gatekey-lifecycle-'));
});
afterEach(async () => {
  for (const backend of backends.splice(0)) await backend.cleanup();
  for (const store of stores.splice(0)) await store.close();
  await keyring.close();
  await rm(scratch, { recursive: true, force: true });
});

/** Every helper started and every request sent, as the store's launcher sees them. */
function watched(launch: WorkerLauncher) {
  const seen = { launches: 0, ops: [] as WorkerOp[], replies: [] as unknown[] };
  const launcher: WorkerLauncher = (env) => {
    seen.launches++;
    const child = launch(env);
    return {
      ...child,
      send: (request) => {
        seen.ops.push(request.op);
        child.send(request);
      },
      onReply: (listener) =>
        child.onReply((reply) => {
          if (reply.ok) seen.replies.push(reply.value);
          listener(reply);
        }),
    };
  };
  return { seen, launcher };
}

function open(options: Parameters<typeof keytarSecretStore>[1] = {}): SecretStore {
  const store = keytarSecretStore(service, { busAddress: keyring.busAddress, timeoutMs: 30_000, ...options });
  stores.push(store);
  return store;
}

const withEnv =
  (launch: WorkerLauncher, extra: Record<string, string>): WorkerLauncher =>
  (env) =>
    launch({ ...env, ...extra });

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function data<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

describe.runIf(process.platform === 'linux')('closing the keychain store', () => {
  it(
    'lets a call in flight end without starting another helper, and refuses every later call',
    async () => {
      // A write that lands 3 s after it was asked: still in flight when close() has waited its grace.
      const { seen, launcher } = watched(withEnv(nodeWorkerLauncher(script('slow-keychain-worker.mjs')), { GATEKEY_TEST_SET_DELAY_MS: '3000' }));
      const secrets = open({ launchWorker: launcher });
      const inFlight = secrets.set('aaaaaaaaaaaa', 'SECRET-A');
      inFlight.catch(() => undefined);
      await until(() => seen.ops.length === 1, 'the write to reach the helper');

      await secrets.close();
      await expect(inFlight).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
      await expect(secrets.get('aaaaaaaaaaaa')).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', message: expect.stringMatching(/closed its keychain connection/) });
      await expect(secrets.has('aaaaaaaaaaaa')).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
      expect(seen).toMatchObject({ launches: 1, ops: ['set'] });
    },
    KEYCHAIN_WORK,
  );
});

describe.runIf(process.platform === 'linux')('a keychain helper that crashed', () => {
  it(
    'is not retried on a locked collection: one crash, not two',
    async () => {
      // No D-Bus probe (as on macOS): findCredentials meets the locked collection and segfaults.
      const { seen, launcher } = watched(nodeWorkerLauncher());
      const secrets = open({ platform: 'darwin', launchWorker: launcher });
      await secrets.set('aaaaaaaaaaaa', 'SECRET-A');
      await keyring.lock();
      await expect(secrets.accounts()).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', message: expect.stringMatching(/keychain helper stopped/) });
      expect(seen.ops.filter((op) => op === 'accounts')).toHaveLength(1);
      expect(seen.launches).toBe(1);
    },
    KEYCHAIN_WORK,
  );

  it(
    'after deleting is a keychain error, not "there was nothing to delete"',
    async () => {
      const crashOnce = withEnv(nodeWorkerLauncher(script('crashing-keychain-worker.mjs')), { GATEKEY_TEST_CRASH_AFTER: 'delete', GATEKEY_TEST_CRASH_ONCE_FILE: join(scratch, 'crashed') });
      const secrets = open({ launchWorker: crashOnce });
      await secrets.set('aaaaaaaaaaaa', 'SECRET-A');
      await expect(secrets.delete('aaaaaaaaaaaa')).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', message: expect.stringMatching(/keychain helper stopped/) });
      expect(await secrets.has('aaaaaaaaaaaa')).toBe(false);
    },
    KEYCHAIN_WORK,
  );

  it(
    'while creating a key leaves no orphan: the next reconciliation removes the entry it wrote',
    async () => {
      const crashing = withEnv(nodeWorkerLauncher(script('crashing-keychain-worker.mjs')), { GATEKEY_TEST_CRASH_AFTER: 'set' });
      const secrets = keytarSecretStore(service, { busAddress: keyring.busAddress, timeoutMs: 30_000, launchWorker: crashing });
      const app = await startTestBackend({ service, secrets });
      backends.push(app);

      expect(await app.api.accessKeys.create({ name: 'payments', description: '' })).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE' } });
      const written = await secrets.accounts();
      expect(written).toHaveLength(1); // the write landed before the crash

      expect(data(await app.api.keychain.reconcile({}))).toMatchObject({ lateWritesRemoved: written, orphanAccounts: [] });
      expect(await secrets.accounts()).toEqual([]);
    },
    KEYCHAIN_WORK,
  );
});

describe.runIf(process.platform === 'linux')('asking whether a secret is there', () => {
  it(
    'never brings the secret into Gatekey: reconcile, delete and restore ask for presence only',
    async () => {
      const { seen, launcher } = watched(nodeWorkerLauncher());
      const secrets = keytarSecretStore(service, { busAddress: keyring.busAddress, timeoutMs: 30_000, launchWorker: launcher });
      const app = await startTestBackend({ service, secrets });
      backends.push(app);
      const payments = data(await app.api.accessKeys.create({ name: 'payments', description: '' }));
      const orders = data(await app.api.accessKeys.create({ name: 'orders', description: '' }));
      expect(await secrets.delete(orders.id)).toBe(true); // removed outside Gatekey

      expect(data(await app.api.keychain.reconcile({}))).toMatchObject({ missingSecretIds: [orders.id] });
      expect(await app.api.keychain.restoreSecret({ id: payments.id, secret: 'F'.repeat(32) })).toMatchObject({ ok: false, error: { code: 'ALREADY_EXISTS' } });
      data(await app.api.keychain.restoreSecret({ id: orders.id, secret: 'F'.repeat(32) }));
      data(await app.api.accessKeys.delete({ id: payments.id }));
      expect(seen.ops).not.toContain('get');
    },
    KEYCHAIN_WORK,
  );

  it(
    'answers a boolean from the helper where there is no Secret Service to ask',
    async () => {
      const { seen, launcher } = watched(nodeWorkerLauncher());
      const secrets = open({ platform: 'darwin', launchWorker: launcher });
      await secrets.set('aaaaaaaaaaaa', 'SECRET-A');
      seen.replies.length = 0;
      expect(await secrets.has('aaaaaaaaaaaa')).toBe(true);
      expect(await secrets.has('bbbbbbbbbbbb')).toBe(false);
      expect(seen.replies).toEqual([true, false]);
      expect(seen.ops).toEqual(['set', 'has', 'has']);
    },
    KEYCHAIN_WORK,
  );

  it(
    'on Linux reads the lock from the Secret Service: a locked entry is KEYCHAIN_LOCKED, not absent',
    async () => {
      const secrets = open();
      await secrets.set('aaaaaaaaaaaa', 'SECRET-A');
      await keyring.lock();
      await expect(secrets.has('aaaaaaaaaaaa')).rejects.toMatchObject({ code: 'KEYCHAIN_LOCKED' });
      expect(await secrets.has('bbbbbbbbbbbb')).toBe(false);
    },
    KEYCHAIN_WORK,
  );
});

describe.runIf(process.platform === 'linux')('a keyring with no default collection yet (a fresh profile)', () => {
  it(
    'is ready, and a write goes to keytar (whose libsecret creates the collection through a prompt) instead of being refused up front',
    async () => {
      const { seen, launcher } = watched(nodeWorkerLauncher());
      const secrets = open({ launchWorker: launcher });
      // Removing the only collection leaves the default alias unset ('/'), as on a fresh profile.
      const removed = spawnSync('dbus-send', ['--session', '--print-reply', '--dest=org.freedesktop.secrets', '/org/freedesktop/secrets/collection/login', 'org.freedesktop.Secret.Collection.Delete'], {
        env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: keyring.busAddress },
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(removed.status, removed.stderr).toBe(0);

      expect(await secrets.state()).toEqual({ state: 'ready' });
      expect(await secrets.get('aaaaaaaaaaaa')).toBeNull();
      // Here no prompt can be shown (no display), so libsecret's attempt fails;
      // on a desktop the user is asked for the new keyring's password.
      await secrets.set('aaaaaaaaaaaa', 'SECRET-A').catch(() => undefined);
      expect(seen.ops).toEqual(['set']);
    },
    KEYCHAIN_WORK,
  );
});

describe.runIf(process.platform === 'linux')('the keychain check of a read-only instance', () => {
  it(
    'asks the keychain itself where there is no Secret Service to ask: a stopped keychain is not "available"',
    async () => {
      const secrets = open({ platform: 'darwin' });
      await secrets.set('aaaaaaaaaaaa', 'SECRET-A'); // the store has learnt "ready"
      await keyring.stopDaemon();
      await expect(checkKeychainReadOnly(secrets)).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
    },
    KEYCHAIN_WORK,
  );
});
