import keytar from 'keytar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keychainUnavailable } from '../../../electron/storage/keychain-errors';
import { keytarSecretStore } from '../../../electron/storage/keytar-secret-store';
import type { Result } from '../../../electron/ipc/result';
import { clearKeychainService, startTestBackend, testKeychainService, type TestBackend } from '../../support/test-backend';

function data<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

describe('each known keychain failure names its cause and fix', () => {
  it.each([
    ["Cannot find package 'keytar' imported from /app/main.cjs", 'linux', /could not load its keychain module.*libsecret-1-0/],
    ['The module was compiled against a different Node.js version using NODE_MODULE_VERSION 115', 'darwin', /could not load its keychain module.*Reinstall/],
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'linux', /no D-Bus session.*desktop session/],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'linux', /No Secret Service.*gnome-keyring/],
    ['Cannot create an item in a locked collection', 'linux', /keychain is locked.*Unlock your keyring/],
    ['No such secret collection at path: /org/freedesktop/secrets/aliases/default', 'linux', /no default collection.*Seahorse/],
    ['User interaction is not allowed.', 'darwin', /macOS did not let Gatekey ask.*Unlock your Mac/],
    ['Prompt dismissed by the user', 'linux', /prompt was dismissed.*allow Gatekey/],
    ['The stub received bad data.', 'win32', /too large for Windows Credential Manager/],
    ['The keychain did not answer within 10 s', 'linux', /did not answer in time.*prompt/],
    ['Something nobody has seen', 'win32', /not available \(Something nobody has seen\)\. Check that Windows Credential Manager/],
    ['Something nobody has seen', 'darwin', /not available \(Something nobody has seen\)\. Unlock the login keychain/],
    ['Something nobody has seen', 'linux', /not available \(Something nobody has seen\)\. Install libsecret \(libsecret-1-0\)/],
  ] as const)('%s', (message, platform, expected) => {
    const error = keychainUnavailable(new Error(message), platform);
    expect(error.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(error.message).toMatch(expected);
    expect(error.message).toContain(message.trim());
  });
});

describe('keychain calls', () => {
  const service = testKeychainService();
  afterEach(() => clearKeychainService(service));

  it('time out instead of hanging, and the next call still runs', async () => {
    let calls = 0;
    // Stands in for a Secret Service that never answers the first call (a prompt nobody sees): it cannot be provoked here on demand.
    const stuckOnce = async () =>
      ({
        getPassword: () => (calls++ === 0 ? new Promise<never>(() => undefined) : keytar.getPassword(service, 'a')),
      }) as unknown as typeof keytar;
    const secrets = keytarSecretStore(service, 200, stuckOnce);
    await expect(secrets.get('a')).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', message: expect.stringMatching(/did not answer in time/) });
    await expect(secrets.get('a')).resolves.toBeNull();
  });

  it('report a keychain module that fails to load, instead of crashing', async () => {
    const secrets = keytarSecretStore(service, 1000, () => import('keytar-that-is-not-installed' as string));
    await expect(secrets.get('a')).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', message: expect.stringMatching(/could not load its keychain module/) });
  });

  it('refuse a secret that is not well-formed Unicode before it reaches the keychain', async () => {
    const secrets = keytarSecretStore(service);
    await expect(secrets.set('a', 'abc\uD800def')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await keytar.getPassword(service, 'a')).toBeNull();
  });
});

describe('a secret missing from the keychain, and the Health actions', () => {
  let backend: TestBackend;
  beforeEach(async () => {
    backend = await startTestBackend();
  });
  afterEach(() => backend.cleanup());

  it('is never treated as deleted: no new secret, the record stays', async () => {
    const key = data(await backend.api.createAccessKey({ name: 'payments', description: '' }));
    await keytar.deletePassword(backend.service, key.id);
    expect(await backend.api.revealAccessKeySecret({ id: key.id })).toMatchObject({ ok: false, error: { code: 'SECRET_MISSING' } });
    expect(await backend.api.copyAccessKeySecret({ id: key.id })).toMatchObject({ ok: false, error: { code: 'SECRET_MISSING' } });
    expect(data(await backend.api.reconcileKeychain({})).missingSecretIds).toEqual([key.id]);
    expect(await keytar.getPassword(backend.service, key.id)).toBeNull();
    expect(data(await backend.api.listAccessKeys({}))).toEqual([expect.objectContaining({ id: key.id, secretStatus: 'missing' })]);
  });

  it('can have its secret re-entered, but a present secret is never replaced', async () => {
    const key = data(await backend.api.createAccessKey({ name: 'payments', description: '' }));
    const original = (await keytar.getPassword(backend.service, key.id))!;
    expect(await backend.api.restoreAccessKeySecret({ id: key.id, secret: 'F'.repeat(32) })).toMatchObject({ ok: false, error: { code: 'ALREADY_EXISTS' } });
    expect(await keytar.getPassword(backend.service, key.id)).toBe(original);

    await keytar.deletePassword(backend.service, key.id);
    expect(await backend.api.restoreAccessKeySecret({ id: key.id, secret: ' not hex ' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(data(await backend.api.restoreAccessKeySecret({ id: key.id, secret: ` ${original.toLowerCase()} ` })).secretStatus).toBe('present');
    expect(await keytar.getPassword(backend.service, key.id)).toBe(original);
  });

  it('deletes or adopts keychain entries that have no record', async () => {
    await keytar.setPassword(backend.service, 'feedfacecafe', 'A'.repeat(32));
    await keytar.setPassword(backend.service, 'decafbad0000', 'B'.repeat(32));
    expect(data(await backend.api.reconcileKeychain({})).orphanAccounts.sort()).toEqual(['decafbad0000', 'feedfacecafe']);

    expect(data(await backend.api.deleteOrphanSecret({ account: 'feedfacecafe' }))).toEqual({ account: 'feedfacecafe' });
    expect(await keytar.getPassword(backend.service, 'feedfacecafe')).toBeNull();

    const adopted = data(await backend.api.adoptOrphanSecret({ account: 'decafbad0000', apiKey: 'c'.repeat(32), name: 'recovered', description: 'adopted' }));
    expect(adopted).toMatchObject({ id: 'decafbad0000', apiKey: 'C'.repeat(32), name: 'recovered', secretStatus: 'present' });
    expect(data(await backend.api.reconcileKeychain({}))).toEqual({ missingSecretIds: [], orphanAccounts: [], orphansChecked: true });
    expect(await backend.api.deleteOrphanSecret({ account: 'decafbad0000' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // An entry whose account is not an Access Key ID (a keychain check cut short) can be deleted too.
    await keytar.setPassword(backend.service, 'gatekey-keychain-check', 'probe');
    expect(data(await backend.api.reconcileKeychain({ includeOrphans: true })).orphanAccounts).toEqual(['gatekey-keychain-check']);
    expect(data(await backend.api.deleteOrphanSecret({ account: 'gatekey-keychain-check' }))).toEqual({ account: 'gatekey-keychain-check' });
  });
});
