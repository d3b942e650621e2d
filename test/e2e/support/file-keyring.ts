import { afterAll, beforeAll } from 'vitest';
import { startPrivateKeyring, useAsProcessBus, type PrivateKeyring } from '../../support/private-keyring';

/**
 * This test file's own Secret Service (Linux only): a private gnome-keyring that
 * this process (the tests' keytar, the clean-up) and the backend's keychain
 * helper both reach, closed after the file. The getter answers once the file's
 * beforeAll has run; elsewhere it stays undefined.
 */
export function useFileKeyring(): () => PrivateKeyring | undefined {
  let keyring: PrivateKeyring | undefined;
  let restoreProcessBus: (() => void) | undefined;
  beforeAll(async () => {
    if (process.platform !== 'linux') return;
    keyring = await startPrivateKeyring();
    // Before any keychain call in this process: libsecret keeps its first bus connection.
    restoreProcessBus = useAsProcessBus(keyring);
  });
  afterAll(async () => {
    restoreProcessBus?.();
    await keyring?.close();
  });
  return () => keyring;
}
