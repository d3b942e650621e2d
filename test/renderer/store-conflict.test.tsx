import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import keytar from 'keytar';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestBackend } from '../support/test-backend';
import { blockSaves, readStoreOnDisk } from '../support/store-files';
import { cachedAccessKeys, connectBackend, dataDirWith, disconnect, findToast, reconcileStatus, record, renderApp, STORE_FILE } from './helpers';
import { canMountTmpfs } from '../support/tmpfs';

// Conflict, restore and read-only against the real backend, with real files in temp folders.
let backend: TestBackend | undefined;
afterEach(async () => {
  await disconnect(backend);
  backend = undefined;
});

const storeFile = () => join(backend!.dataDir, STORE_FILE);
const THEIR_STORE = JSON.stringify({ schemaVersion: 2, accessKeys: [], apiGroups: [], authorizations: [], bindings: [] });

type User = Awaited<ReturnType<typeof renderApp>>['user'];
async function createKeyInUi(user: User, name: string) {
  await user.click(screen.getAllByRole('button', { name: 'Create Access Key' })[0]!);
  const dialog = await screen.findByRole('dialog', { name: 'Create Access Key' });
  await user.type(within(dialog).getByRole('textbox', { name: /Name/ }), name);
  await user.click(within(dialog).getByRole('button', { name: 'Create' }));
  await screen.findByRole('heading', { level: 1, name });
}

describe('Reload after another program changed the file', () => {
  it('lists the unsaved changes before Reload, then the keys to adopt, whose secrets stay in the keychain', async () => {
    backend = await connectBackend();
    const { user } = await renderApp();
    // Not saved yet (saves fail for real: an immutable data folder) when another program writes the file.
    const unblock = await blockSaves(backend.dataDir);
    await createKeyInUi(user, 'made-here');
    const created = cachedAccessKeys().find((k) => k.name === 'made-here')!;
    await screen.findByText(/Not saved yet/);
    await unblock(); // lets their program create the file; Gatekey's own retry waits a second
    await writeFile(storeFile(), THEIR_STORE);

    const dialog = await screen.findByRole('alertdialog', { name: 'The data file was changed by another program' });
    const unsaved = within(dialog).getByRole('list', { name: 'Unsaved changes' });
    expect(unsaved.textContent).toContain('1 access key created: made-here');
    expect(dialog.textContent).toContain('stay in the OS keychain');

    await user.click(within(dialog).getByRole('button', { name: 'Reload from disk' }));
    await findToast('Reloaded the data file from disk');
    const adopt = await screen.findByRole('dialog', { name: 'Access keys to adopt again' });
    const row = within(adopt).getByText('made-here').closest('tr')!;
    expect(row.textContent).toContain(created.id);
    expect(row.textContent).toContain(created.apiKey);
    // Nothing deleted the secret: it waits in the keychain for adoption.
    expect(await keytar.getPassword(backend.service, created.id)).not.toBeNull();

    await user.click(within(adopt).getByRole('button', { name: 'Open Health' }));
    await screen.findByRole('heading', { level: 1, name: 'Health' });
    await waitFor(() => expect(reconcileStatus()).not.toBe('running'));
    expect(screen.queryByRole('dialog', { name: 'Access keys to adopt again' })).toBeNull();
  });
});

describe('restoring a backup', () => {
  it('says what it discards before the user confirms', async () => {
    // A store of an older Gatekey holding alpha: migrating it at the first save keeps it as a backup.
    backend = await connectBackend({ dataDir: await dataDirWith([record({ id: 'a1b2c3d4e5f6', name: 'alpha' })]) });
    await backend.api.app.dismissWelcome({});
    const created = await backend.api.accessKeys.create({ name: 'beta', description: '' });
    if (!created.ok) throw new Error(created.error.message);
    const { dataDir, service } = backend;
    await backend.store.close();
    // Still JSON, but with a field Gatekey does not know: unreadable, yet its records can be listed.
    const damaged = (await readStoreOnDisk(join(dataDir, STORE_FILE))) as unknown as { accessKeys: Array<Record<string, unknown>> };
    damaged.accessKeys[0]!.surprise = true;
    await writeFile(join(dataDir, STORE_FILE), JSON.stringify(damaged));
    backend = await connectBackend({ dataDir, service });
    const { user } = await renderApp();

    await screen.findByRole('heading', { level: 1, name: 'Recover your data' });
    await user.click(screen.getByRole('button', { name: 'Restore newest backup' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Restore the newest backup?' });
    expect(confirm.textContent).toMatch(/The backup gatekey-store-.*\.json holds 1 access keys/);
    expect(within(confirm).getByRole('list', { name: 'Changes the restore discards' }).textContent).toContain('1 access key discarded: beta');
  });
});

describe('read-only', () => {
  it.runIf(canMountTmpfs)('a read-only data folder: the banner says so and how to fix it', async () => {
    const dataDir = join(await mkdtemp(join(tmpdir(), 'gatekey-ro-')), 'data');
    await mkdir(dataDir);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dataDir]);
    try {
      await writeFile(join(dataDir, STORE_FILE), THEIR_STORE);
      execFileSync('mount', ['-o', 'remount,ro', dataDir]);
      backend = await connectBackend({ dataDir });
      await renderApp({ welcome: true });
      const banner = await screen.findByRole('status', { name: 'Read-only: Gatekey will not change its data file' });
      expect(banner.textContent).toContain('The data folder is read-only.');
      expect(banner.textContent).toMatch(/Make the folder writable/);
      expect(screen.getAllByRole('button', { name: 'Create Access Key' })[0]).toHaveProperty('disabled', true);
    } finally {
      cleanup();
      await backend?.store.close();
      execFileSync('umount', [dataDir]);
    }
  });
});
