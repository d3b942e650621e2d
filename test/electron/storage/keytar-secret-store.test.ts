import keytar from 'keytar';
import { afterEach, describe, expect, it } from 'vitest';
import { keytarSecretStore } from '../../../electron/storage/keytar-secret-store';
import { clearKeychainService, testKeychainService } from '../../support/test-backend';

// The real OS keychain, under a service name of this test's own.
const service = testKeychainService();
afterEach(() => clearKeychainService(service));

describe('keytarSecretStore against the real keychain', () => {
  it('stores, reads, lists and deletes secrets under its own service only', async () => {
    const secrets = keytarSecretStore(service);
    const other = keytarSecretStore(`${service}-other`);
    await secrets.set('aaaaaaaaaaaa', 'SECRET-A');
    await secrets.set('bbbbbbbbbbbb', 'SECRET-B');
    await other.set('cccccccccccc', 'SECRET-C');

    expect(await secrets.get('aaaaaaaaaaaa')).toBe('SECRET-A');
    expect(await keytar.getPassword(service, 'bbbbbbbbbbbb')).toBe('SECRET-B');
    expect((await secrets.accounts()).sort()).toEqual(['aaaaaaaaaaaa', 'bbbbbbbbbbbb']);

    expect(await secrets.delete('aaaaaaaaaaaa')).toBe(true);
    expect(await secrets.delete('aaaaaaaaaaaa')).toBe(false);
    expect(await secrets.get('aaaaaaaaaaaa')).toBeNull();
    expect(await other.get('cccccccccccc')).toBe('SECRET-C');
    await clearKeychainService(`${service}-other`);
  });
});
