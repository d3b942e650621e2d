import keytar from 'keytar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keychainError } from '../../../electron/core/keychain-errors';
import { nodeWorkerLauncher } from '../../../electron/storage/keychain/node-worker';
import { keytarSecretStore } from '../../../electron/storage/keytar-secret-store';
import type { Result } from '../../../electron/ipc/result';
import { clearKeychainService, startTestBackend, testKeychainService, type TestBackend } from '../../support/test-backend';
import { everyAccessKey } from '../../support/every-record';

function data<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

describe('each known keychain failure names its cause and fix, and whether it is locked or slow', () => {
  it.each([
    ["Cannot find package 'keytar' imported from /app/main.cjs", 'linux', 'KEYCHAIN_UNAVAILABLE', /could not load its keychain module.*libsecret-1-0/, 'keychainModuleMissing'],
    ['The module was compiled against a different Node.js version using NODE_MODULE_VERSION 115', 'darwin', 'KEYCHAIN_UNAVAILABLE', /could not load its keychain module.*Reinstall/, 'keychainModuleMissing'],
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'linux', 'KEYCHAIN_UNAVAILABLE', /no D-Bus session.*desktop session/, 'keychainNoSession'],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'linux', 'KEYCHAIN_UNAVAILABLE', /No Secret Service \(GNOME Keyring, KWallet\) is running: the keyring daemon stopped.*gnome-keyring/, 'keychainNoSecretService'],
    ['Cannot create an item in a locked collection', 'linux', 'KEYCHAIN_LOCKED', /keychain is locked.*Unlock your keyring/, 'keychainLocked'],
    ['No such secret collection at path: /org/freedesktop/secrets/aliases/default', 'linux', 'KEYCHAIN_UNAVAILABLE', /no default collection.*Seahorse/, 'keychainNoCollection'],
    ['User interaction is not allowed.', 'darwin', 'KEYCHAIN_LOCKED', /macOS did not let Gatekey ask.*Unlock your Mac/, 'keychainInteractionNotAllowed'],
    ['SecKeychainSearchCopyNext: errSecInteractionNotAllowed (-25308)', 'darwin', 'KEYCHAIN_LOCKED', /Unlock your Mac/, 'keychainInteractionNotAllowed'],
    ['Prompt dismissed by the user', 'linux', 'KEYCHAIN_LOCKED', /prompt was dismissed.*allow Gatekey/, 'keychainPromptDismissed'],
    ['User canceled the operation. (-128)', 'darwin', 'KEYCHAIN_LOCKED', /prompt was dismissed/, 'keychainPromptDismissed'],
    ['The stub received bad data.', 'win32', 'KEYCHAIN_UNAVAILABLE', /too large for Windows Credential Manager/, 'keychainSecretTooLarge'],
    ['The keychain did not answer within 10 s', 'linux', 'KEYCHAIN_TIMEOUT', /did not answer in time.*prompt/, 'keychainTimeout'],
    ["Gatekey's keychain helper stopped (signal SIGSEGV)", 'linux', 'KEYCHAIN_UNAVAILABLE', /helper process ended unexpectedly.*Try again/, 'keychainHelperStopped'],
    ['Something nobody has seen', 'win32', 'KEYCHAIN_UNAVAILABLE', /not available \(Something nobody has seen\)\. Check that Windows Credential Manager/, 'keychainUnavailable'],
    ['Something nobody has seen', 'darwin', 'KEYCHAIN_UNAVAILABLE', /not available \(Something nobody has seen\)\. Unlock the login keychain/, 'keychainUnavailable'],
    ['Something nobody has seen', 'linux', 'KEYCHAIN_UNAVAILABLE', /not available \(Something nobody has seen\)\. Install libsecret \(libsecret-1-0\)/, 'keychainUnavailable'],
  ] as const)('%s (%s)', (message, platform, code, expected, reason) => {
    const error = keychainError(new Error(message), platform);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(expected);
    expect(error.message).toContain(message.trim());
    // The window words it from these alone: which failure, the library's own words, and the platform for the fix.
    expect({ reason: error.reason, params: error.params }).toEqual({
      reason,
      params: { detail: message.trim(), platform, ...(reason === 'keychainTimeout' ? { seconds: 10 } : {}) },
    });
  });
});

describe('keychain calls', () => {
  const service = testKeychainService();
  afterEach(() => clearKeychainService(service));

  it('report a keychain helper that cannot start, instead of crashing', async () => {
    const secrets = keytarSecretStore(service, { launchWorker: nodeWorkerLauncher('/nonexistent/keychain-worker.cjs'), platform: 'darwin' });
    await expect(secrets.get('a')).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', message: expect.stringMatching(/could not load its keychain module.*Cannot find module/) });
    await secrets.close();
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
    const key = data(await backend.api.accessKeys.create({ name: 'payments', description: '' }));
    await keytar.deletePassword(backend.service, key.id);
    expect(await backend.api.accessKeys.revealSecret({ id: key.id })).toMatchObject({
      ok: false,
      error: { code: 'SECRET_MISSING', message: expect.stringMatching(/Re-enter it in Health if you still have it, or delete the key/) },
    });
    expect(await backend.api.accessKeys.copySecret({ id: key.id })).toMatchObject({ ok: false, error: { code: 'SECRET_MISSING' } });
    expect(data(await backend.api.keychain.reconcile({})).missingSecretIds).toEqual([key.id]);
    expect(await keytar.getPassword(backend.service, key.id)).toBeNull();
    expect(data(await everyAccessKey(backend.api))).toEqual([expect.objectContaining({ id: key.id, secretStatus: 'missing' })]);
  });

  it('can have its secret re-entered, but a present secret is never replaced', async () => {
    const key = data(await backend.api.accessKeys.create({ name: 'payments', description: '' }));
    const original = (await keytar.getPassword(backend.service, key.id))!;
    expect(await backend.api.keychain.restoreSecret({ id: key.id, secret: 'F'.repeat(32) })).toMatchObject({ ok: false, error: { code: 'ALREADY_EXISTS' } });
    expect(await keytar.getPassword(backend.service, key.id)).toBe(original);

    await keytar.deletePassword(backend.service, key.id);
    expect(await backend.api.keychain.restoreSecret({ id: key.id, secret: ' not hex ' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(data(await backend.api.keychain.restoreSecret({ id: key.id, secret: ` ${original.toLowerCase()} ` })).secretStatus).toBe('present');
    expect(await keytar.getPassword(backend.service, key.id)).toBe(original);
  });

  it('deletes or adopts keychain entries that have no record', async () => {
    await keytar.setPassword(backend.service, 'feedfacecafe', 'A'.repeat(32));
    await keytar.setPassword(backend.service, 'decafbad0000', 'B'.repeat(32));
    expect(data(await backend.api.keychain.reconcile({})).orphanAccounts.sort()).toEqual(['decafbad0000', 'feedfacecafe']);

    expect(data(await backend.api.keychain.deleteOrphan({ account: 'feedfacecafe' }))).toEqual({ account: 'feedfacecafe' });
    expect(await keytar.getPassword(backend.service, 'feedfacecafe')).toBeNull();

    const adopted = data(await backend.api.keychain.adoptOrphan({ account: 'decafbad0000', apiKey: 'c'.repeat(32), name: 'recovered', description: 'adopted' }));
    expect(adopted).toMatchObject({ id: 'decafbad0000', apiKey: 'C'.repeat(32), name: 'recovered', secretStatus: 'present' });
    expect(data(await backend.api.keychain.reconcile({}))).toEqual({ missingSecretIds: [], orphanAccounts: [], orphansChecked: true, keychain: { state: 'ready' }, lateWritesRemoved: [] });
    expect(await backend.api.keychain.deleteOrphan({ account: 'decafbad0000' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // An entry whose account is not an Access Key ID (another program's) can be deleted too.
    await keytar.setPassword(backend.service, 'not-an-access-key', 'other');
    expect(data(await backend.api.keychain.reconcile({ includeOrphans: true })).orphanAccounts).toEqual(['not-an-access-key']);
    expect(data(await backend.api.keychain.deleteOrphan({ account: 'not-an-access-key' }))).toEqual({ account: 'not-an-access-key' });
  });

  it('removes a keychain check entry left behind (a check cut short), without listing it', async () => {
    await keytar.setPassword(backend.service, 'gatekey-keychain-check', 'probe');
    expect(data(await backend.api.keychain.reconcile({ includeOrphans: true })).orphanAccounts).toEqual([]);
    expect(await keytar.getPassword(backend.service, 'gatekey-keychain-check')).toBeNull();
  });
});
