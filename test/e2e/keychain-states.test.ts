import keytar from 'keytar';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../support/test-backend';
import { useChromium } from './support/chromium-suite';
import { useFileKeyring } from './support/file-keyring';
import { openApp, pageProblems } from './support/open-app';
import { screenshot } from './support/screenshots';

// A locked keychain in the built renderer against the real handlers: this file's own
// Secret Service (a private gnome-keyring), locked over D-Bus as an auto-login desktop
// leaves it. Only Electron's IPC is replaced.

// Locking for real needs the Secret Service's D-Bus interface: Linux only.
const linux = process.platform === 'linux';
let backend: TestBackend | undefined;
let page: Page | undefined;

const keychain = useFileKeyring();
const chromium = useChromium();
afterEach(async () => {
  if (!linux) return;
  const problems = page ? pageProblems(page) : [];
  await page?.context().close();
  page = undefined;
  // Clean-up lists the keychain, which a locked collection does not survive.
  await keychain()!.unlock();
  await backend?.cleanup();
  backend = undefined;
  expect(problems).toEqual([]);
});

async function createKey(name: string) {
  const created = await backend!.api.accessKeys.create({ name, description: '' });
  if (!created.ok) throw new Error(created.error.message);
  return created.data;
}

describe.runIf(linux)('a locked keychain', () => {
  it('at start-up: every key listed, the locked notice, Show says locked, Health calls nothing missing and offers no fix', async () => {
    backend = await startTestBackend();
    await backend.api.app.dismissWelcome({});
    const payments = await createKey('payments-prod');
    await createKey('orders_test');
    const lost = await createKey('legacy-batch');
    // One key truly lost its secret: even so, a locked keychain must not call it missing.
    await keytar.deletePassword(backend.service, lost.id);
    await keychain()!.lock();
    page = await openApp(chromium(), backend);

    for (const name of ['payments-prod', 'orders_test', 'legacy-batch']) await page.getByRole('button', { name, exact: true }).waitFor();
    const notice = page.getByRole('status').filter({ hasText: 'The OS keychain is locked' });
    await notice.waitFor();
    await notice.getByText('Unlock your keyring').waitFor();
    await expect.poll(() => page!.getByText('keychain locked', { exact: true }).count()).toBe(3);
    expect(await page.getByText('secret missing').count()).toBe(0);
    await page.mouse.move(0, 0);
    await screenshot(page, '60-keychain-locked-list');

    // Keyboard: the details page, then Show.
    await page.getByRole('button', { name: 'payments-prod', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'payments-prod' }).waitFor();
    await page.getByRole('button', { name: 'Show APISecret' }).focus();
    await page.keyboard.press('Enter');
    const alert = page.getByRole('region', { name: /Key pair/ }).getByRole('alert');
    await alert.getByText('The OS keychain is locked', { exact: true }).waitFor();
    expect(await alert.textContent()).not.toMatch(/missing|delete/i);
    await alert.getByRole('button', { name: 'Try again' }).waitFor();
    await page.mouse.move(0, 0);
    await screenshot(page, '61-keychain-locked-details');

    // Delete is not offered while the keychain cannot be read: the record would go, the secret stay.
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const blocked = page.getByRole('alertdialog', { name: 'Delete Access Key' });
    await blocked.getByText('cannot be deleted while the OS keychain cannot be read').waitFor();
    expect(await blocked.getByRole('button', { name: 'Delete', exact: true }).count()).toBe(0);
    await screenshot(page, '63-keychain-locked-delete');
    await page.keyboard.press('Escape');
    await expect.poll(() => blocked.count()).toBe(0);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Health' }).click();
    const health = page.getByRole('alert').filter({ hasText: 'The OS keychain is locked' });
    await health.getByText('lists no findings and offers no fixes').waitFor();
    expect(await page.getByRole('region', { name: 'Access keys whose APISecret is missing' }).count()).toBe(0);
    for (const action of ['Delete access key', 'Re-enter secret', 'Adopt', 'Delete entry']) expect(await page.getByRole('button', { name: action }).count()).toBe(0);
    await page.mouse.move(0, 0);
    await screenshot(page, '62-keychain-locked-health');

    // Unlocked by the user: "Check again" brings the real findings, the one truly missing key only.
    await keychain()!.unlock();
    await health.getByRole('button', { name: 'Check again' }).click();
    const missing = page.getByRole('region', { name: 'Access keys whose APISecret is missing' });
    await missing.getByText(lost.id).waitFor();
    expect(await missing.getByText(payments.id).count()).toBe(0);
    await page.getByText('The OS keychain can be read again').waitFor();
    // Re-entering comes first for a truly missing secret.
    await missing.getByRole('button', { name: 'Re-enter secret' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Re-enter the APISecret of legacy-batch' }).waitFor();
    await screenshot(page, '64-health-re-enter-after-unlock');
  });
});
