import { describe, expect, it } from 'vitest';
import { keychainUnavailable } from '../../../electron/storage/keychain-errors';

describe('keychainUnavailable', () => {
  it('names a locked keychain and the unlock fix', () => {
    const error = keychainUnavailable(new Error('Cannot create an item in a locked collection'), 'linux');
    expect(error.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(error.message).toMatch(/^The OS keychain is locked \(Cannot create an item in a locked collection\)\./);
    expect(error.message).toMatch(/unlock it/);
  });

  it.each([
    ['linux', /libsecret-1-0.*Secret Service/],
    ['darwin', /login keychain/],
    ['win32', /Credential Manager/],
  ] as const)('on %s names the fix for that platform', (platform, fix) => {
    const error = keychainUnavailable(new Error('Could not connect: No such file or directory'), platform);
    expect(error.message).toMatch(/^The OS keychain is not available \(Could not connect: No such file or directory\)\./);
    expect(error.message).toMatch(fix);
  });
});
