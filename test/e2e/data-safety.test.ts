import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import keytar from 'keytar';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { STORE_FILE_NAME } from '../../electron/ipc/backend';
import { startTestBackend, type TestBackend } from '../support/test-backend';
import { useChromium } from './support/chromium-suite';
import { openApp, pageProblems } from './support/open-app';
import { screenshot } from './support/screenshots';
import { everyAccessKey } from '../support/every-record';
import { blockSaves, storeFilesText } from '../support/store-files';

// Data safety in the built renderer against the real handlers: real store file
// in a temp folder, real keychain, faults made for real. Only Electron's IPC is replaced.

let backend: TestBackend;
let page: Page;

const chromium = useChromium();
afterEach(async () => {
  if (page) expect(pageProblems(page)).toEqual([]);
  await page?.context().close();
  await backend?.cleanup();
});

async function createKey(name: string) {
  const created = await backend.api.accessKeys.create({ name, description: '' });
  if (!created.ok) throw new Error(created.error.message);
  return created.data;
}

const dismissToasts = async () => {
  const dismiss = page.getByRole('button', { name: 'Dismiss notification' });
  while ((await dismiss.count()) > 0) await dismiss.first().click();
};

describe('data safety', () => {
  it('recovers from a damaged data file by restoring the newest backup', async () => {
    // A store of an older Gatekey holding payments-prod: migrating it at the first save keeps it in backups/.
    const seeded = await mkdtemp(join(tmpdir(), 'gatekey-e2e-'));
    const at = '2026-11-29T10:00:00.000Z';
    await writeFile(join(seeded, STORE_FILE_NAME), JSON.stringify({ schemaVersion: 1, accessKeys: [{ id: 'a1b2c3d4e5f6', name: 'payments-prod', description: '', apiKey: 'A1B2C3D4E5F6'.padEnd(32, '0'), createdAt: at, updatedAt: at }] }));
    backend = await startTestBackend({ dataDir: seeded });
    await backend.api.app.dismissWelcome({});
    await createKey('orders_test');
    const { dataDir, service } = backend;
    const file = join(dataDir, STORE_FILE_NAME);
    await backend.store.close();
    await writeFile(file, '{"schemaVersion": 2, "accessKeys": [');
    backend = await startTestBackend({ dataDir, service });
    page = await openApp(chromium(), backend);

    await page.getByRole('heading', { level: 1, name: 'Recover your data' }).waitFor();
    await page.getByText(file).waitFor();
    await screenshot(page, '50-recovery');

    await page.getByRole('button', { name: 'Restore newest backup' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Restore the newest backup?' });
    await confirm.getByText('kept, not deleted', { exact: false }).waitFor();
    await confirm.getByRole('button', { name: 'Restore' }).click();
    await page.getByText(/^Restored from gatekey-store-.*; the damaged file was kept as gatekey-store\.json\.corrupt-/).waitFor();
    await page.getByRole('button', { name: 'payments-prod' }).waitFor();
    expect((await readdir(dataDir)).some((name) => name.startsWith(`${STORE_FILE_NAME}.corrupt-`))).toBe(true);
  });

  it('resolves a missing APISecret and an orphan keychain entry in Health', async () => {
    backend = await startTestBackend();
    await backend.api.app.dismissWelcome({});
    const lost = await createKey('payments-prod');
    await createKey('orders_test');
    await keytar.deletePassword(backend.service, lost.id);
    await keytar.setPassword(backend.service, 'feedfacecafe', 'A'.repeat(32));
    page = await openApp(chromium(), backend);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Health' }).click();
    const missing = page.getByRole('region', { name: 'Access keys whose APISecret is missing' });
    await missing.getByText(lost.id).waitFor();
    await page.getByRole('region', { name: 'Keychain entries with no access key' }).getByText('feedfacecafe').waitFor();
    await page.mouse.move(0, 0);
    await screenshot(page, '51-health');

    // Keyboard only: the secret dialog opens with focus in its password field, Enter saves.
    await missing.getByRole('button', { name: 'Re-enter secret' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Re-enter the APISecret of payments-prod' });
    await page.keyboard.type('B'.repeat(32));
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await keytar.getPassword(backend.service, lost.id)).toBe('B'.repeat(32));
    expect(await page.content()).not.toContain('B'.repeat(32));

    await page.getByRole('region', { name: 'Keychain entries with no access key' }).getByRole('button', { name: 'Adopt' }).click();
    const adopt = page.getByRole('dialog', { name: 'Adopt keychain entry' });
    await adopt.getByRole('textbox', { name: 'Name' }).fill('adopted');
    await adopt.getByRole('textbox', { name: 'APIKey' }).fill('C'.repeat(32));
    await adopt.getByRole('button', { name: 'Adopt' }).click();
    await page.getByText('Everything matches: every access key has its APISecret, and every keychain entry has an access key.').waitFor();
    const listed = await everyAccessKey(backend.api);
    expect(listed.ok && listed.data.map((k) => k.name).sort()).toEqual(['adopted', 'orders_test', 'payments-prod']);
  });

  it('says when a change is not saved yet and clears once it is', async () => {
    backend = await startTestBackend();
    await backend.api.app.dismissWelcome({});
    const file = join(backend.dataDir, STORE_FILE_NAME);
    page = await openApp(chromium(), backend);
    await page.getByText('No access keys yet').waitFor();
    const unblock = await blockSaves(backend.dataDir);

    await page.getByRole('button', { name: 'Create Access Key' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Create Access Key' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('payments-prod');
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'payments-prod' }).waitFor();
    const banner = page.getByRole('status').filter({ hasText: 'Not saved yet' });
    await banner.waitFor();
    await dismissToasts();
    await page.mouse.move(0, 0);
    await screenshot(page, '52-unsaved-banner');
    expect(await storeFilesText(file)).not.toContain('payments-prod');

    await unblock();
    // Main also retries on its own and says so by event: on a busy machine its retry may land before the
    // click, and the banner (with its button) goes away by itself. Either way the window must say it is saved.
    const saved = page.getByText('All changes saved').waitFor();
    await Promise.race([banner.getByRole('button', { name: 'Retry now' }).click().catch(() => undefined), saved]);
    await saved;
    await expect.poll(() => banner.count()).toBe(0);
    expect(await storeFilesText(file)).toContain('payments-prod');
  });
});
