import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MainEvent } from '../../../electron/ipc/contract';
import { keytarSecretStore } from '../../../electron/storage/keytar-secret-store';
import { startPrivateKeyring, type PrivateKeyring } from '../../support/private-keyring';
import { startTestBackend, testKeychainService, type TestBackend } from '../../support/test-backend';

// keychainState events from the real backend over a Secret Service of this test's own
// (own D-Bus session, own gnome-keyring-daemon), locked and frozen for real.

const linux = process.platform === 'linux';
let keyring: PrivateKeyring | undefined;
let backend: TestBackend | undefined;

beforeEach(async () => {
  if (linux) keyring = await startPrivateKeyring();
});
afterEach(async () => {
  keyring?.resume();
  await keyring?.unlock();
  await backend?.cleanup();
  backend = undefined;
  await keyring?.close();
  keyring = undefined;
});

async function start(timeoutMs?: number) {
  const secrets = keytarSecretStore(testKeychainService(), { busAddress: keyring!.busAddress, ...(timeoutMs ? { timeoutMs } : {}) });
  backend = await startTestBackend({ secrets });
  const log: MainEvent[] = [];
  backend.events.subscribe((event) => log.push(event));
  const keychainEvents = () => log.filter((e) => e.type === 'keychainState').map((e) => e.data);
  return { api: backend.api, log, keychainEvents };
}

describe.runIf(linux)('keychainState', () => {
  it('says locked when a call finds it locked (once), and ready when a call succeeds again; never the secret', async () => {
    const { api, log, keychainEvents } = await start();
    const created = await api.accessKeys.create({ name: 'payments', description: '' });
    if (!created.ok) throw new Error(created.error.message);
    const revealed = await api.accessKeys.revealSecret({ id: created.data.id });
    if (!revealed.ok) throw new Error(revealed.error.message);
    expect(keychainEvents()).toEqual([]); // it worked from the start: nothing to tell

    await keyring!.lock();
    expect(await api.accessKeys.revealSecret({ id: created.data.id })).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_LOCKED' } });
    expect(await api.accessKeys.copySecret({ id: created.data.id })).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_LOCKED' } });
    expect(keychainEvents()).toEqual([expect.objectContaining({ state: 'locked', message: expect.stringContaining('Unlock your keyring') })]);

    // Still locked, a lookup of an entry that is not there goes through: no proof of anything.
    expect(await api.keychain.check({})).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_LOCKED' } });
    expect(await api.keychain.getState({})).toMatchObject({ ok: true, data: { state: 'locked' } }); // after any confirmation
    expect(keychainEvents().map((k) => k.state)).toEqual(['locked']);

    await keyring!.unlock();
    expect(await api.accessKeys.revealSecret({ id: created.data.id })).toMatchObject({ ok: true });
    await expect.poll(() => keychainEvents().map((k) => k.state)).toEqual(['locked', 'ready']);
    expect(JSON.stringify(log)).not.toContain(revealed.data.secret);
  });

  it('says it timed out when a call gets no answer, and ready once one is answered', async () => {
    // 5 s: long enough that a busy machine's slow answer is not taken for no answer.
    const { api, keychainEvents } = await start(5_000);
    const created = await api.accessKeys.create({ name: 'payments', description: '' });
    if (!created.ok) throw new Error(created.error.message);

    keyring!.pause(); // as behind a prompt nobody answers
    expect(await api.keychain.getState({})).toMatchObject({ ok: true, data: { state: 'timeout' } });
    expect(keychainEvents()).toEqual([expect.objectContaining({ state: 'timeout', message: expect.stringContaining('did not answer') })]);

    keyring!.resume();
    // Asked as the window's "Check again" does (revealSecret is rate limited per window: not a probe to repeat).
    await expect.poll(async () => {
      const state = await api.keychain.getState({});
      return state.ok ? state.data.state : state.error.code;
    }).toBe('ready');
    expect(await api.keychain.check({})).toMatchObject({ ok: true });
    expect(keychainEvents().map((k) => k.state)).toEqual(['timeout', 'ready']);
  });
});
