import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import keytar from 'keytar';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../support/test-backend';
import { everyAccessKey } from '../support/every-record';
import { blockSaves as blockDataSaves, storeFilesText } from '../support/store-files';
import { cachedAccessKeys, connectBackend, dataDirWith, disconnect, findToast, heldByTheWindow, reconcileStatus, record, renderApp, STORE_FILE, withOverride } from './helpers';
import { unwrap } from './provider-helpers';

// Data safety against the real backend: every fault is made for real on disk or in the keychain.
let backend: TestBackend | undefined;
let other: TestBackend | undefined;
afterEach(async () => {
  await disconnect(backend);
  await other?.cleanup();
  backend = other = undefined;
});

/** Another program's idea of the store: valid, but not what Gatekey loaded. */
const THEIR_STORE = JSON.stringify({ schemaVersion: 2, accessKeys: [], apiGroups: [], authorizations: [], bindings: [] });

const storeFile = () => join(backend!.dataDir, STORE_FILE);
/** Every save fails for real (an immutable journal and data folder: EPERM) until unblocked. */
let unblock: (() => Promise<void>) | undefined;
const blockSaves = async () => {
  unblock = await blockDataSaves(backend!.dataDir);
};
const unblockSaves = async () => {
  await unblock?.();
  unblock = undefined;
};

type User = Awaited<ReturnType<typeof renderApp>>['user'];
async function createKeyInUi(user: User, name: string) {
  await user.click(screen.getAllByRole('button', { name: 'Create Access Key' })[0]!);
  const dialog = await screen.findByRole('dialog', { name: 'Create Access Key' });
  await user.type(within(dialog).getByRole('textbox', { name: /Name/ }), name);
  await user.click(within(dialog).getByRole('button', { name: 'Create' }));
  await screen.findByRole('heading', { level: 1, name });
}

/** Opens Health and waits for its keychain check: nothing may touch the keychain while it runs (or at clean-up). */
async function openHealth(user: User, via = () => user.click(screen.getByRole('button', { name: 'Health' }))) {
  await via();
  await waitFor(() => expect(reconcileStatus()).not.toBe('running'));
}

const createKey = async (name: string) => {
  const created = await backend!.api.accessKeys.create({ name, description: '' });
  if (!created.ok) throw new Error(created.error.message);
  return created.data;
};

describe('unsaved changes', () => {
  it('warns without blocking, retries on request, and says when everything is saved', async () => {
    backend = await connectBackend();
    const { user } = await renderApp();
    await blockSaves();

    await createKeyInUi(user, 'kept-in-memory');
    // The action succeeded (the key's page is open); the banner says it is not on disk.
    const banner = await screen.findByText(/Not saved yet/);
    const region = banner.closest('section')!;
    expect(region.getAttribute('role')).toBe('status');
    expect(region.textContent).toMatch(/Not saved yet — Could not save .*gatekey-store\.json/);
    expect(region.textContent).toContain('keeps retrying');
    expect(await storeFilesText(storeFile())).not.toContain('kept-in-memory');
    // Not blocking: the rest of the app still works.
    expect(screen.getByRole('heading', { level: 1, name: 'kept-in-memory' })).toBeTruthy();

    // A retry while the fault is still there keeps the warning.
    await user.click(within(region).getByRole('button', { name: 'Retry now' }));
    await within(region).findByRole('button', { name: 'Retry now' });
    expect(screen.getByText(/Not saved yet/)).toBeTruthy();

    await unblockSaves();
    await user.click(within(region).getByRole('button', { name: 'Retry now' }));
    await findToast('All changes saved');
    expect(screen.queryByText(/Not saved yet/)).toBeNull();
    expect(await storeFilesText(storeFile())).toContain('kept-in-memory');
  });

  it('clears the warning by itself once main’s own retry succeeds', async () => {
    backend = await connectBackend();
    const { user } = await renderApp();
    await blockSaves();
    await createKeyInUi(user, 'saved-later');
    await screen.findByText(/Not saved yet/);
    await unblockSaves();
    // No click: main retries with backoff and tells the window by its `storeStatus` event.
    await screen.findByText('All changes saved', undefined, { timeout: 10_000 });
    expect(screen.queryByText(/Not saved yet/)).toBeNull();
    expect(await storeFilesText(storeFile())).toContain('saved-later');
  }, 20_000);
});

describe('another program changed the data file', () => {
  /** A change Gatekey could not save yet, then another program's file: main's watch of the folder asks at once. */
  async function causeConflict() {
    backend = await connectBackend();
    const rendered = await renderApp(); // dismissing the welcome saved the file once
    await blockSaves();
    await createKeyInUi(rendered.user, 'mine');
    await screen.findByText(/Not saved yet/);
    await writeFile(storeFile(), THEIR_STORE);
    const dialog = await screen.findByRole('alertdialog', { name: 'The data file was changed by another program' });
    expect(within(dialog).getByRole('list', { name: 'Unsaved changes' }).textContent).toContain('1 access key created: mine');
    await unblockSaves(); // nothing is saved over their file until the user chooses
    return { ...rendered, dialog };
  }

  it('asks before overwriting; Reload from disk takes their file and drops the unsaved change', async () => {
    const { user, dialog } = await causeConflict();
    expect(dialog.textContent).toContain('did not overwrite it');
    expect(dialog.textContent).toContain(storeFile());
    expect(dialog.textContent).toMatch(/Reload from disk.*not saved yet are dropped/);
    expect(dialog.textContent).toMatch(/Keep my version.*backups/);
    expect(await readFile(storeFile(), 'utf8')).toBe(THEIR_STORE);
    // There is no way around the choice: Esc leaves it open, and focus starts on the safe answer.
    expect(document.activeElement?.textContent).toBe('Reload from disk');
    await user.keyboard('{Escape}');
    expect(screen.getByRole('alertdialog')).toBeTruthy();

    await user.keyboard('{Enter}');
    await findToast('Reloaded the data file from disk');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await waitFor(() => expect(cachedAccessKeys().map((k) => k.name)).toEqual([]));
    expect(await readFile(storeFile(), 'utf8')).toBe(THEIR_STORE);
  });

  it('Keep my version writes ours and keeps theirs in the backups folder', async () => {
    const { user, dialog } = await causeConflict();
    await user.click(within(dialog).getByRole('button', { name: 'Keep my version' }));
    await findToast('Kept your version; the other program’s file is kept in the backups folder');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(await storeFilesText(storeFile())).toContain('"mine"');
    const backups = join(backend!.dataDir, 'backups');
    // Their single file is kept as a `.json` backup (our journaled files it replaced are kept too, as a folder).
    const kept = await Promise.all((await readdir(backups)).filter((name) => name.endsWith('.json')).map((name) => readFile(join(backups, name), 'utf8')));
    expect(kept).toContain(THEIR_STORE);
    expect(cachedAccessKeys().map((k) => k.name)).toEqual(['mine']);
  });
});

describe('recovery screen', () => {
  it('restores the newest backup after confirming, keeping the damaged file aside', async () => {
    // A store of an older Gatekey holding alpha: migrating it at the first save keeps it in backups/.
    backend = await connectBackend({ dataDir: await dataDirWith([record({ id: 'a1b2c3d4e5f6', name: 'alpha' })]) });
    await backend.api.app.dismissWelcome({});
    await createKey('beta');
    const { dataDir, service } = backend;
    await backend.store.close();
    const garbage = '\u0000\u0000 not a store';
    await writeFile(storeFile(), garbage);
    backend = await connectBackend({ dataDir, service });
    const { user } = await renderApp();

    await screen.findByRole('heading', { level: 1, name: 'Recover your data' });
    const problem = screen.getByRole('alert');
    expect(problem.textContent).toContain(storeFile());
    expect(problem.textContent).toContain('left untouched');
    await user.click(screen.getByRole('button', { name: 'Restore newest backup' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Restore the newest backup?' });
    expect(confirm.textContent).toContain(`${STORE_FILE}.corrupt-<time>`);
    expect(confirm.textContent).toContain('kept, not deleted');
    // Cancel has focus; cancelling changes nothing.
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(await readFile(storeFile(), 'utf8')).toBe(garbage);

    await user.click(screen.getByRole('button', { name: 'Restore newest backup' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Restore' }));
    const toast = await screen.findByText(/^Restored from gatekey-store-.*\.json; the damaged file was kept as gatekey-store\.json\.corrupt-/);
    expect(toast.closest('[aria-live="polite"]')).not.toBeNull();

    // Everything reloaded: the list is back (the newest backup is the store before it was migrated), writing works again.
    await screen.findByRole('button', { name: 'alpha' });
    expect(screen.queryByRole('heading', { level: 1, name: 'Recover your data' })).toBeNull();
    expect(screen.getAllByRole('button', { name: 'Create Access Key' })[0]).toHaveProperty('disabled', false);
    const aside = (await readdir(dataDir)).find((name) => name.startsWith(`${STORE_FILE}.corrupt-`))!;
    expect(await readFile(join(dataDir, aside, STORE_FILE), 'utf8')).toBe(garbage);
  });
});

describe('read-only', () => {
  it('says another Gatekey holds the data folder and disables creating', async () => {
    other = await startTestBackend();
    await other.api.app.dismissWelcome({});
    backend = await connectBackend({ dataDir: other.dataDir, service: other.service });
    await renderApp({ welcome: true }); // the file exists: no welcome, and this one may not write

    const banner = await screen.findByRole('status', { name: 'Read-only: Gatekey will not change its data file' });
    expect(banner.textContent).toMatch(/Another Gatekey \(process \d+/);
    expect(screen.getAllByRole('button', { name: 'Create Access Key' })[0]).toHaveProperty('disabled', true);
  });
});

describe('Health', () => {
  async function withFindings() {
    backend = await connectBackend();
    const lost = await createKey('lost-secret');
    await createKey('fine');
    await keytar.deletePassword(backend.service, lost.id);
    await keytar.setPassword(backend.service, 'feedfacecafe', 'A'.repeat(32));
    const rendered = await renderApp();
    return { ...rendered, lost };
  }

  it('is the last menu entry and is reached from the keychain notice', async () => {
    const { user } = await withFindings();
    const items = within(screen.getByRole('navigation', { name: 'Main' })).getAllByRole('button');
    expect(items.at(-1)!.textContent).toBe('Health');
    await openHealth(user, () => user.click(screen.getByRole('button', { name: 'Open Health to review and fix' })));
    expect(screen.getByRole('heading', { level: 1, name: 'Health' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Health' }).getAttribute('aria-current')).toBe('page');
  });

  it('re-enters a missing secret and adopts an orphan entry, until everything matches', async () => {
    const { user, lost } = await withFindings();
    await openHealth(user);

    const missing = await screen.findByRole('region', { name: 'Access keys whose APISecret is missing' });
    const row = within(missing).getByText('lost-secret').closest('tr')!;
    expect(row.textContent).toContain(lost.id);
    expect(within(missing).queryByText('fine')).toBeNull();
    const orphans = screen.getByRole('region', { name: 'Keychain entries with no access key' });
    expect(within(orphans).getByText('feedfacecafe')).toBeTruthy();

    await user.click(within(row).getByRole('button', { name: 'Re-enter secret' }));
    const dialog = await screen.findByRole('dialog', { name: 'Re-enter the APISecret of lost-secret' });
    const field = within(dialog).getByLabelText('APISecret');
    expect(field.getAttribute('type')).toBe('password');
    expect(document.activeElement).toBe(field);
    await user.type(field, 'not-hex{Enter}');
    expect(within(dialog).getByText('An APISecret is 32 hex characters.')).toBeTruthy();
    expect(await keytar.getPassword(backend!.service, lost.id)).toBeNull();
    const secret = '0123456789abcdef'.repeat(2);
    await user.clear(field);
    await user.type(field, `${secret}{Enter}`);
    await findToast('APISecret of "lost-secret" is back in the OS keychain');
    expect(await keytar.getPassword(backend!.service, lost.id)).toBe(secret.toUpperCase());
    // The typed secret lived in the dialog only: not in the UI store, the query cache or a kept mutation.
    expect(heldByTheWindow()).not.toMatch(new RegExp(secret, 'i'));
    expect(document.body.textContent).not.toMatch(new RegExp(secret, 'i'));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Access keys whose APISecret is missing' })).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Health' }));

    await user.click(within(screen.getByRole('region', { name: 'Keychain entries with no access key' })).getByRole('button', { name: 'Adopt' }));
    const adopt = await screen.findByRole('dialog', { name: 'Adopt keychain entry' });
    await user.type(within(adopt).getByRole('textbox', { name: /Name/ }), 'adopted');
    await user.type(within(adopt).getByRole('textbox', { name: /APIKey/ }), 'short');
    await user.click(within(adopt).getByRole('button', { name: 'Adopt' }));
    expect(within(adopt).getByText('An APIKey is 32 hex characters.')).toBeTruthy();
    await user.clear(within(adopt).getByRole('textbox', { name: /APIKey/ }));
    await user.type(within(adopt).getByRole('textbox', { name: /APIKey/ }), `${'C'.repeat(32)}{Enter}`);
    await findToast('Access key "adopted" now uses keychain entry feedfacecafe');

    await screen.findByText('Everything matches: every access key has its APISecret, and every keychain entry has an access key.');
    // Health shows no list: the Access Key list asks main when it is next shown.
    const adopted = unwrap(await everyAccessKey(backend!.api)).find((k) => k.name === 'adopted')!;
    expect(adopted).toMatchObject({ id: 'feedfacecafe', apiKey: 'C'.repeat(32), secretStatus: 'present' });
  });

  it('deletes the record of a missing secret and the orphan entry, each after confirming', async () => {
    const { user, lost } = await withFindings();
    await openHealth(user);
    const missing = await screen.findByRole('region', { name: 'Access keys whose APISecret is missing' });

    await user.click(within(missing).getByRole('button', { name: 'Delete access key' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Delete Access Key' });
    expect(confirm.textContent).toContain(lost.id);
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));
    await findToast('Access key "lost-secret" deleted');
    expect(screen.getByRole('heading', { level: 1, name: 'Health' })).toBeTruthy(); // stays on Health
    expect((await backend!.api.accessKeys.get({ id: lost.id })).ok).toBe(false);

    const orphans = screen.getByRole('region', { name: 'Keychain entries with no access key' });
    await user.click(within(orphans).getByRole('button', { name: 'Delete entry' }));
    const confirmOrphan = await screen.findByRole('alertdialog', { name: 'Delete keychain entry' });
    await user.click(within(confirmOrphan).getByRole('button', { name: 'Delete' }));
    await findToast('Keychain entry feedfacecafe deleted');
    expect(await keytar.getPassword(backend!.service, 'feedfacecafe')).toBeNull();
    await screen.findByText(/^Everything matches/);
    // The healthy key was never touched.
    expect(cachedAccessKeys().map((k) => k.name)).toEqual(['fine']);
  });

  it('shows the keychain’s own explanation when it cannot be reached, and checks again on Refresh', async () => {
    backend = await connectBackend();
    const message = 'No Secret Service is running on the session bus. Install and start GNOME Keyring or KWallet, then try again.';
    const real = backend.api.keychain.reconcile;
    let failing = true;
    window.api = withOverride(backend.api, 'keychain.reconcile', async (input) =>
      failing ? { ok: false as const, error: { code: 'KEYCHAIN_UNAVAILABLE' as const, message } } : real(input),
    );
    const { user } = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Health' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The OS keychain is not available');
    expect(alert.textContent).toContain(message);

    failing = false;
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    await screen.findByText(/^Everything matches/);
  });

  it('in a read-only instance lists the findings but offers no fix, not even a keychain-only one', async () => {
    other = await startTestBackend();
    await other.api.app.dismissWelcome({});
    const lost = await other.api.accessKeys.create({ name: 'lost-secret', description: '' });
    if (!lost.ok) throw new Error(lost.error.message);
    await keytar.deletePassword(other.service, lost.data.id);
    await keytar.setPassword(other.service, 'feedfacecafe', 'A'.repeat(32));
    backend = await connectBackend({ dataDir: other.dataDir, service: other.service });
    const { user } = await renderApp();
    await openHealth(user);

    const missing = await screen.findByRole('region', { name: 'Access keys whose APISecret is missing' });
    expect(within(missing).getByText('lost-secret')).toBeTruthy();
    const orphans = screen.getByRole('region', { name: 'Keychain entries with no access key' });
    for (const [region, action] of [[missing, 'Re-enter secret'], [missing, 'Delete access key'], [orphans, 'Adopt'], [orphans, 'Delete entry']] as const) {
      expect(within(region).getByRole('button', { name: action })).toHaveProperty('disabled', true);
    }
  });
});
