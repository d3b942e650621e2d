import { screen, waitFor, within } from '@testing-library/react';
import keytar from 'keytar';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AccessKeySummary } from '../../electron/shared/access-keys/types';
import { keytarSecretStore } from '../../electron/storage/keytar-secret-store';
import { useAppStore } from '../../renderer/src/store';
import { startPrivateKeyring, useAsProcessBus, type PrivateKeyring } from '../support/private-keyring';
import { testKeychainService, type TestBackend } from '../support/test-backend';
import { cachedAccessKeys, connectBackend, disconnect, findToast, renderApp } from './helpers';

// A locked keychain, for real: this file's own Secret Service (a private gnome-keyring),
// locked over D-Bus as a desktop leaves it, and unlocked with its password as the user would.

// Locking for real needs the Secret Service's D-Bus interface: Linux only.
const linux = process.platform === 'linux';
let keychain: PrivateKeyring;
let restoreProcessBus: (() => void) | undefined;
let backend: TestBackend | undefined;

beforeAll(async () => {
  if (!linux) return;
  keychain = await startPrivateKeyring();
  // keytar in this process (the tests' own reads, the clean-up) and the backend's keychain helper,
  // which inherits this environment, must reach this keyring: before any keychain call in this
  // process, as libsecret keeps its first bus connection.
  restoreProcessBus = useAsProcessBus(keychain);
});
afterAll(async () => {
  restoreProcessBus?.();
  await keychain?.close();
});
afterEach(async () => {
  if (!linux) return;
  keychain.resume();
  // Clean-up lists the keychain, which a locked collection does not survive.
  await keychain.unlock();
  await disconnect(backend);
  backend = undefined;
});

async function createKeys(...names: string[]): Promise<AccessKeySummary[]> {
  const keys: AccessKeySummary[] = [];
  for (const name of names) {
    const created = await backend!.api.accessKeys.create({ name, description: '' });
    if (!created.ok) throw new Error(created.error.message);
    keys.push(created.data);
  }
  return keys;
}

const notice = () => screen.queryByRole('status', { name: 'The OS keychain is locked' });
const pageText = () => document.body.textContent ?? '';

describe.runIf(linux)('a locked keychain at start-up', () => {
  it('lists every key, says the keychain is locked and how to unlock it, and calls no key missing', async () => {
    backend = await connectBackend();
    await createKeys('payments', 'orders');
    await keychain.lock();
    await renderApp();

    expect(screen.getByRole('button', { name: 'payments' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'orders' })).toBeTruthy();
    const banner = await screen.findByRole('status', { name: 'The OS keychain is locked' });
    expect(banner.textContent).toContain('Unlock your keyring');
    expect(banner.textContent).toContain('none is marked missing');
    expect(within(banner).getByRole('button', { name: 'Check again' })).toBeTruthy();
    expect(await screen.findAllByText('keychain locked')).toHaveLength(2);
    expect(pageText()).not.toContain('secret missing');
    expect(cachedAccessKeys().map((k) => k.secretStatus)).toEqual(['unreadable', 'unreadable']);
  });

  it('"Check again" after unlocking removes the notice and brings the statuses back', async () => {
    backend = await connectBackend();
    await createKeys('payments');
    await keychain.lock();
    const { user } = await renderApp();
    const banner = await screen.findByRole('status', { name: 'The OS keychain is locked' });

    // Still locked: checking again changes nothing.
    await user.click(within(banner).getByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(useAppStore.getState().keychainChecking).toBe(false));
    expect(notice()).not.toBeNull();
    expect(cachedAccessKeys()[0]!.secretStatus).toBe('unreadable');

    await keychain.unlock();
    await user.click(screen.getByRole('button', { name: 'Check again' }));
    await findToast('The OS keychain can be read again');
    expect(notice()).toBeNull();
    expect(screen.queryByText('keychain locked')).toBeNull();
    expect(cachedAccessKeys()[0]!.secretStatus).toBe('present');
  });
});

describe.runIf(linux)('a keychain locked while Gatekey runs', () => {
  it('Show says locked and how to unlock, never missing, and Try again works once unlocked', async () => {
    backend = await connectBackend();
    const [key] = await createKeys('payments');
    const { user } = await renderApp();
    await user.click(screen.getByRole('button', { name: 'payments' }));
    await screen.findByRole('heading', { level: 1, name: 'payments' });

    await keychain.lock();
    await user.click(screen.getByRole('button', { name: 'Show APISecret' }));
    const credentials = screen.getByRole('region', { name: /Key pair/ });
    const alert = await within(credentials).findByRole('alert');
    expect(alert.textContent).toContain('The OS keychain is locked');
    expect(alert.textContent).toContain('Unlock your keyring');
    expect(alert.textContent).not.toMatch(/missing|delete/i);
    expect(within(credentials).getByText('keychain locked')).toBeTruthy();
    // The notice tells the whole app, with its own "Check again".
    expect(await screen.findByRole('status', { name: 'The OS keychain is locked' })).toBeTruthy();

    await keychain.unlock();
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    const secret = await backend.api.accessKeys.revealSecret({ id: key!.id });
    expect(secret.ok).toBe(true);
    expect(await within(credentials).findByText(secret.ok ? secret.data.secret : '?')).toBeTruthy();
    await findToast('The OS keychain can be read again');
    expect(notice()).toBeNull();
  });

  it('does not delete a key while the keychain is locked, and says why', async () => {
    backend = await connectBackend();
    const [key] = await createKeys('payments');
    const { user } = await renderApp();
    await user.click(screen.getByRole('button', { name: 'payments' }));
    await screen.findByRole('heading', { level: 1, name: 'payments' });

    await keychain.lock();
    // The page does not know yet: main refuses, and the dialog turns into the explanation.
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Delete Access Key' });
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));
    const blocked = await screen.findByText(/cannot be deleted while the OS keychain cannot be read/);
    const dialog = blocked.closest('dialog') as HTMLElement;
    expect(within(dialog).queryByRole('button', { name: 'Delete' })).toBeNull();
    expect(within(dialog).getByRole('button', { name: 'Check again' })).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));

    // Asked again, the dialog offers no Delete at all.
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const again = await screen.findByRole('alertdialog', { name: 'Delete Access Key' });
    expect(within(again).queryByRole('button', { name: 'Delete' })).toBeNull();

    await keychain.unlock();
    expect((await backend.api.accessKeys.get({ id: key!.id })).ok).toBe(true);
    expect(await keytar.getPassword(backend.service, key!.id)).not.toBeNull();
  });
});

describe.runIf(linux)('Health with a locked keychain', () => {
  it('says so, lists no key as missing and offers no fix until the keychain can be read', async () => {
    backend = await connectBackend();
    const [lost] = await createKeys('payments', 'orders');
    await keytar.deletePassword(backend.service, lost!.id);
    await keytar.setPassword(backend.service, 'feedfacecafe', 'A'.repeat(32));
    await keychain.lock();
    const { user } = await renderApp();

    await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'Health' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The OS keychain is locked');
    expect(alert.textContent).toContain('Unlock your keyring');
    expect(screen.queryByRole('region', { name: 'Access keys whose APISecret is missing' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Keychain entries with no access key' })).toBeNull();
    for (const action of ['Delete access key', 'Re-enter secret', 'Adopt', 'Delete entry']) expect(screen.queryByRole('button', { name: action })).toBeNull();
    expect(pageText()).not.toContain('No problems found');

    await keychain.unlock();
    await user.click(within(alert).getByRole('button', { name: 'Check again' }));
    const missing = await screen.findByRole('region', { name: 'Access keys whose APISecret is missing' });
    expect(within(missing).getByText(lost!.id)).toBeTruthy();
    expect(within(missing).getAllByRole('row')).toHaveLength(2); // header + the one truly missing key
    expect(await screen.findByRole('region', { name: 'Keychain entries with no access key' })).toBeTruthy();
  });
});

describe.runIf(linux)('Test Call with a locked keychain', () => {
  it('says the keychain is locked and how to unlock it when signing with a stored key, not "missing"', async () => {
    backend = await connectBackend();
    await createKeys('payments');
    const { user } = await renderApp();
    await keychain.lock();
    await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'Test Call' }));
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Access key' }), 'payments');
    await user.type(screen.getByRole('textbox', { name: /URL/ }), 'https://example.invalid/v1/items');

    const output = screen.getByRole('region', { name: 'Signature and response' });
    const alert = await within(output).findByRole('alert');
    expect(alert.textContent).toContain('The OS keychain is locked');
    expect(alert.textContent).toContain('Unlock your keyring');
    expect(alert.textContent).not.toMatch(/missing|delete/i);
    expect(await screen.findByRole('option', { name: 'payments (keychain locked)' })).toBeTruthy();

    await keychain.unlock();
    await user.click(within(await screen.findByRole('status', { name: 'The OS keychain is locked' })).getByRole('button', { name: 'Check again' }));
    // Readable again: the request is prepared again by itself (a stored key's secret signs only on Send).
    expect(await within(output).findByText(/^(Signed|Prepared) \d{4}-/)).toBeTruthy();
    expect(within(output).queryByRole('alert')).toBeNull();
    expect(await screen.findByRole('option', { name: 'payments' })).toBeTruthy();
  });
});

describe.runIf(linux)('first run with a locked keychain', () => {
  it('the welcome says the keychain is locked, and "Check again" confirms it works once unlocked', async () => {
    backend = await connectBackend();
    await keychain.lock();
    const { user } = await renderApp({ welcome: true });
    const welcome = await screen.findByRole('dialog', { name: 'Welcome to Gatekey' });
    const alert = await within(welcome).findByRole('alert');
    expect(alert.textContent).toContain('The OS keychain is locked');
    expect(alert.textContent).toContain('Unlock your keyring');

    await keychain.unlock();
    await user.click(within(alert).getByRole('button', { name: 'Check again' }));
    expect(await within(welcome).findByText(/Your OS keychain works/)).toBeTruthy();
  });
});

describe.runIf(linux)('a keychain that does not answer', () => {
  it('says it did not answer in time (a prompt may be waiting) with a retry, never "missing"', async () => {
    // Main waits 10 s; 5 s is as real a timeout, keeps the test short, and still leaves a busy
    // machine time to start the keychain helper process within it.
    const service = testKeychainService();
    backend = await connectBackend({ service, secrets: keytarSecretStore(service, { timeoutMs: 5_000 }) });
    const [key] = await createKeys('payments');
    const { user } = await renderApp();
    await user.click(screen.getByRole('button', { name: 'payments' }));
    await screen.findByRole('heading', { level: 1, name: 'payments' });

    keychain.pause();
    await user.click(screen.getByRole('button', { name: 'Show APISecret' }));
    const credentials = screen.getByRole('region', { name: /Key pair/ });
    const alert = await within(credentials).findByRole('alert');
    expect(alert.textContent).toContain('The OS keychain did not answer in time');
    expect(alert.textContent).toMatch(/prompt/);
    expect(alert.textContent).not.toMatch(/missing|delete/i);
    expect(within(credentials).getByText('keychain not answering')).toBeTruthy();
    expect(await screen.findByRole('status', { name: 'The OS keychain did not answer in time' })).toBeTruthy();

    keychain.resume();
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    const secret = await backend.api.accessKeys.revealSecret({ id: key!.id });
    expect(secret.ok).toBe(true);
    expect(await within(credentials).findByText(secret.ok ? secret.data.secret : '?')).toBeTruthy();
    await findToast('The OS keychain can be read again');
  });
});
