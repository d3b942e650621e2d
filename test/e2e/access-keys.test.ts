import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import keytar from 'keytar';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { STORE_FILE_NAME } from '../../electron/ipc/backend';
import { startTestBackend, type TestBackend } from '../support/test-backend';
import { useChromium } from './support/chromium-suite';
import { openApp, pageProblems } from './support/open-app';
import { screenshot } from './support/screenshots';
import { storeFilesText } from '../support/store-files';

// The built renderer in Debian's Chromium, talking to the real handlers: real
// store file in a temp folder, real keychain. Only Electron's IPC is replaced.

let backend: TestBackend;
let page: Page;

const chromium = useChromium();
afterEach(async () => {
  if (page) expect(pageProblems(page)).toEqual([]);
  await page?.context().close();
  await backend?.cleanup();
});

async function createKey(name: string, description: string) {
  await page.getByRole('button', { name: 'Create Access Key' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Create Access Key' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('textbox', { name: 'Description' }).fill(description);
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect.poll(() => dialog.count()).toBe(0);
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

const backToList = () => page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('button', { name: 'Access Key' }).click();

describe('the caller creates and uses an access key', () => {
  it('creates, finds, reveals, copies, edits and deletes a key', async () => {
    backend = await startTestBackend();
    // A user past the first-run welcome (test/e2e/welcome.test.ts covers it); dismissing it saved an empty store.
    const storeFile = join(backend.dataDir, STORE_FILE_NAME);
    await backend.api.app.dismissWelcome({});
    const emptyStore = await storeFilesText(storeFile);
    page = await openApp(chromium(), backend);

    // Empty state invites the first key.
    await page.getByText('No access keys yet').waitFor();
    await screenshot(page, '1-access-key-list-empty');

    // Invalid name: inline error, nothing written.
    await page.getByRole('button', { name: 'Create Access Key' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Create Access Key' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('bad name!');
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await dialog.getByText('Name can contain only letters, digits, "-" and "_".').waitFor();
    await screenshot(page, '2-create-access-key-invalid');
    expect(await storeFilesText(storeFile)).toBe(emptyStore);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);

    await createKey('payments-prod', 'Signs calls to the payments API');
    const id = (await page.getByRole('region', { name: 'Basic information' }).locator('code').first().textContent())!.trim();
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    const secret = await keytar.getPassword(backend.service, id);
    expect(secret).toMatch(/^[0-9A-F]{32}$/);
    // Masked until asked for.
    expect(await page.content()).not.toContain(secret!);
    await screenshot(page, '3-access-key-details');

    await page.getByRole('button', { name: 'Show APISecret' }).click();
    await page.getByText(secret!, { exact: true }).waitFor();
    await screenshot(page, '4-access-key-details-secret-shown');
    await page.getByRole('button', { name: 'Hide APISecret' }).click();
    await expect.poll(async () => (await page.content()).includes(secret!)).toBe(false);

    await page.getByRole('button', { name: 'Copy APISecret' }).click();
    await page.getByText('APISecret copied. The clipboard will be cleared in 30 s').waitFor();
    expect(backend.clipboard.text).toBe(secret);
    expect(await page.content()).not.toContain(secret!);

    await backToList();
    await createKey('orders_test', 'Orders API in the test environment');
    await backToList();
    await createKey('billing', '');
    await backToList();

    // Search over name, ID and APIKey.
    const rows = page.getByRole('table').getByRole('row');
    await expect.poll(() => rows.count()).toBe(4); // header + 3
    const search = page.getByRole('searchbox', { name: 'Search access keys' });
    await search.fill('ORDERS');
    await expect.poll(() => rows.count()).toBe(2);
    await page.getByRole('button', { name: 'orders_test' }).waitFor();
    await search.fill(id.slice(2, 9));
    await expect.poll(() => rows.count()).toBe(2);
    await page.getByRole('button', { name: 'payments-prod' }).waitFor();
    await search.fill('no-such-key');
    await page.getByText('No matching access keys').waitFor();
    await search.fill('');
    await expect.poll(() => rows.count()).toBe(4);
    await page.mouse.move(0, 0);
    // Toasts stack up over the list; dismiss them so the picture can serve the README
    // (copied into resources/readme/ by hand: no test writes a tracked file).
    const dismiss = page.getByRole('button', { name: 'Dismiss notification' });
    while ((await dismiss.count()) > 0) await dismiss.first().click();
    await screenshot(page, '5-access-key-list');

    // Edit.
    await page.getByRole('button', { name: 'payments-prod' }).click();
    await page.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Access Key' });
    await edit.getByRole('textbox', { name: 'Name' }).fill('payments-live');
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'payments-live' }).waitFor();
    const listed = await backend.api.accessKeys.get({ id });
    expect(listed).toMatchObject({ ok: true, data: { name: 'payments-live' } });

    // Delete: cancel keeps it, confirm removes record and keychain entry.
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete Access Key' });
    await screenshot(page, '6-delete-access-key-confirm');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await keytar.getPassword(backend.service, id)).toBe(secret);
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Access Key' }).waitFor();
    await expect.poll(() => rows.count()).toBe(3);
    expect(await keytar.getPassword(backend.service, id)).toBeNull();
    expect(await backend.api.accessKeys.get({ id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('shows a damaged store file by name, keeps it, and offers no way to write', async () => {
    backend = await startTestBackend();
    const file = join(backend.dataDir, STORE_FILE_NAME);
    await writeFile(file, '{"schemaVersion": 1, "accessKeys": [');
    backend = await startTestBackend({ dataDir: backend.dataDir, service: backend.service });
    page = await openApp(chromium(), backend);

    await page.getByText(file).first().waitFor();
    await page.getByText(/not valid JSON/).first().waitFor();
    // The read-only recovery screen replaces every screen: nothing offers to write.
    await page.getByRole('heading', { level: 1, name: 'Recover your data' }).waitFor();
    expect(await page.getByRole('button', { name: 'Create Access Key' }).count()).toBe(0);
    await screenshot(page, '7-store-unreadable');
  });
});
