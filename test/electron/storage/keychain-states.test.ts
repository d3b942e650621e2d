import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeWorkerLauncher } from '../../../electron/storage/keychain/node-worker';
import { keytarSecretStore } from '../../../electron/storage/keytar-secret-store';
import type { SecretStore } from '../../../electron/core/ports/secret-store';
import { startPrivateKeyring, type PrivateKeyring } from '../../support/private-keyring';
import { testKeychainService } from '../../support/test-backend';

// Each test gets a Secret Service of its own (own D-Bus session, own
// gnome-keyring-daemon), so it can lock it or restart its daemon for real.
// Elsewhere (macOS, Windows) the tests that run use the OS keychain itself.
const linux = process.platform === 'linux';
let keyring: PrivateKeyring | undefined;
let store: SecretStore | undefined;
const service = testKeychainService();
const open = (options: Parameters<typeof keytarSecretStore>[1] = {}) => (store = keytarSecretStore(service, { busAddress: keyring?.busAddress, ...options }));

beforeEach(async () => {
  if (linux) keyring = await startPrivateKeyring();
});
afterEach(async () => {
  await store?.close();
  store = undefined;
  await keyring?.close();
  keyring = undefined;
});

describe.runIf(linux)('a locked keychain', () => {
  it('is found out first: a locked entry is KEYCHAIN_LOCKED, only a truly missing one is null, nothing crashes', async () => {
    const secrets = open();
    await secrets.set('aaaaaaaaaaaa', 'SECRET-A');
    expect(await secrets.state()).toEqual({ state: 'ready' });

    await keyring!.lock();
    const locked = { code: 'KEYCHAIN_LOCKED', message: expect.stringMatching(/locked.*Unlock your keyring/) };
    await expect(secrets.get('aaaaaaaaaaaa')).rejects.toMatchObject(locked);
    await expect(secrets.get('bbbbbbbbbbbb')).resolves.toBeNull();
    await expect(secrets.delete('aaaaaaaaaaaa')).rejects.toMatchObject(locked);
    await expect(secrets.set('bbbbbbbbbbbb', 'SECRET-B')).rejects.toMatchObject(locked);
    // keytar's findCredentials would take the process down here.
    await expect(secrets.accounts()).rejects.toMatchObject(locked);
    expect(await secrets.state()).toEqual({ state: 'locked', message: expect.stringMatching(/Passwords and Keys/), reason: 'keychainDefaultLocked', params: { platform: 'linux' } });

    await keyring!.restartDaemon(); // comes back unlocked
    expect(await secrets.get('aaaaaaaaaaaa')).toBe('SECRET-A');
    expect(await secrets.accounts()).toEqual(['aaaaaaaaaaaa']);
  });

  it('turns a crash inside the keychain helper into a keychain error; the app lives on and the next helper serves', async () => {
    // No D-Bus probe (as on macOS), so keytar's findCredentials meets the locked collection for real and segfaults.
    const secrets = open({ platform: 'darwin' });
    await secrets.set('aaaaaaaaaaaa', 'SECRET-A');
    await keyring!.lock();
    await expect(secrets.accounts()).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', message: expect.stringMatching(/keychain helper stopped \(signal SIG[A-Z]+\)/) });
    expect(await secrets.state()).toMatchObject({ state: 'unavailable' });
    await keyring!.restartDaemon();
    expect(await secrets.accounts()).toEqual(['aaaaaaaaaaaa']);
  });
});

describe.runIf(linux)('a keyring daemon that restarts while Gatekey runs', () => {
  it('is reached again by the next call, without restarting Gatekey', async () => {
    const secrets = open();
    await secrets.set('aaaaaaaaaaaa', 'SECRET-A');
    const before = await keyring!.ownerPid();
    await keyring!.restartDaemon();
    expect(await keyring!.ownerPid()).not.toBe(before);

    expect(await secrets.get('aaaaaaaaaaaa')).toBe('SECRET-A');
    await secrets.set('bbbbbbbbbbbb', 'SECRET-B');
    expect((await secrets.accounts()).sort()).toEqual(['aaaaaaaaaaaa', 'bbbbbbbbbbbb']);
  });

  it('that stopped is named as the cause, within the timeout', async () => {
    const secrets = open({ timeoutMs: 20_000 });
    await secrets.set('aaaaaaaaaaaa', 'SECRET-A');
    await keyring!.stopDaemon();
    const failure = secrets.get('aaaaaaaaaaaa');
    await expect(failure).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', message: expect.stringMatching(/No Secret Service .* is running: the keyring daemon stopped/) });
    await expect(failure).rejects.not.toMatchObject({ message: expect.stringMatching(/libsecret|keychain module/) });
    expect(await secrets.state()).toMatchObject({ state: 'unavailable', message: expect.stringMatching(/keyring daemon/) });
  });
});

describe('a keychain that does not answer in time', () => {
  it('fails with KEYCHAIN_TIMEOUT, and a fresh helper serves the next call at once', async () => {
    // The real keytar, made slow to confirm writes (see slow-keychain-worker.mjs).
    const slow = nodeWorkerLauncher(new URL('../../support/slow-keychain-worker.mjs', import.meta.url).pathname);
    const secrets = open({ timeoutMs: 3_000, launchWorker: (env) => slow({ ...env, GATEKEY_TEST_SET_DELAY_MS: '8000' }) });
    // Warm-up: the helper is forked and has loaded keytar before the timed write starts, so the
    // 3 s deadline measures the keychain only, even on a busy machine (see slow-keychain-worker.mjs).
    await expect(secrets.get('aaaaaaaaaaaa')).resolves.toBeNull();
    await expect(secrets.set('aaaaaaaaaaaa', 'SECRET-A')).rejects.toMatchObject({ code: 'KEYCHAIN_TIMEOUT', message: expect.stringMatching(/did not answer in time/) });
    if (linux) expect(await secrets.state()).toEqual({ state: 'ready' });
    await expect(secrets.get('aaaaaaaaaaaa')).resolves.toBeNull();
    // The abandoned write still lands, later: Gatekey must reconcile it (see the service's test).
    await expect.poll(() => secrets.get('aaaaaaaaaaaa')).toBe('SECRET-A');
  });
});

describe('closing the store', () => {
  it('ends the keychain helper at once, so a command-line run can exit', async () => {
    const exits: string[] = [];
    const watched = (env: Record<string, string>) => {
      const helper = nodeWorkerLauncher()(env);
      helper.onExit((detail) => exits.push(detail));
      return helper;
    };
    const secrets = open({ launchWorker: watched });
    await secrets.set('aaaaaaaaaaaa', 'SECRET-A');
    expect(exits).toEqual([]);
    await secrets.close();
    await expect.poll(() => exits).toEqual([expect.stringMatching(/signal SIGTERM/)]);
  });
});
