import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { keychainError } from '../../electron/core/keychain-errors';
import { startTestBackend, type TestBackend } from '../support/test-backend';
import { useChromium } from './support/chromium-suite';
import { openApp, pageProblems } from './support/open-app';
import { screenshot } from './support/screenshots';

// First run in Debian's Chromium: the built renderer, the real handlers, a fresh data folder, the real keychain.
let backend: TestBackend;
let page: Page;

const chromium = useChromium();
afterEach(async () => {
  if (page) expect(pageProblems(page)).toEqual([]);
  await page?.context().close();
  await backend?.cleanup();
});

const firstRun = async () => {
  const status = await backend.api.app.getStatus({});
  if (!status.ok) throw new Error(status.error.message);
  return status.data.firstRun;
};

describe('first run', () => {
  it('welcomes, checks the keychain, and leads the provider to Create Authorization', async () => {
    backend = await startTestBackend();
    page = await openApp(chromium(), backend);

    const welcome = page.getByRole('dialog', { name: 'Welcome to Gatekey' });
    await welcome.getByText('Your OS keychain works: APISecrets will be stored there.').waitFor();
    await welcome.getByRole('region', { name: 'You call APIs' }).waitFor();
    await welcome.getByRole('region', { name: 'You provide APIs' }).waitFor();
    await page.mouse.move(0, 0);
    await screenshot(page, '20-welcome');

    await welcome.getByRole('button', { name: 'Create Authorization' }).click();
    await expect.poll(() => welcome.count()).toBe(0);
    await page.getByRole('heading', { level: 1, name: 'Access Authorization' }).waitFor();
    await page.getByRole('dialog', { name: 'Create Authorization' }).waitFor();
    await expect.poll(firstRun).toBe(false);

    // Next start: straight to the app.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Access Key' }).waitFor();
    expect(await welcome.count()).toBe(0);

    // About, from the sidebar: the app icon is a file of the build, allowed by the CSP.
    await page.getByRole('button', { name: 'About Gatekey' }).click();
    const about = page.getByRole('dialog', { name: 'About Gatekey' });
    await about.getByText(backend.dataDir).waitFor();
    await expect.poll(() => about.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(128);
    await screenshot(page, '22-about');
    await about.getByRole('button', { name: 'Show in folder' }).click();
    await expect.poll(() => backend.desktop.shownInFolder.length).toBe(1);
  });

  it('says what to install or unlock when the keychain fails, and leads the caller to Create Access Key', async () => {
    backend = await startTestBackend();
    // The one answer replaced: this machine's keychain works. The message is main's own for Linux.
    const failure = keychainError(new Error('The name org.freedesktop.secrets was not provided by any .service files'), 'linux');
    page = await openApp(chromium(), {
      ...backend,
      dispatch: async (method, payload) =>
        method === 'keychain.check' ? { ok: false, error: { code: failure.code, message: failure.message } } : backend.dispatch(method, payload),
    });

    const welcome = page.getByRole('dialog', { name: 'Welcome to Gatekey' });
    const alert = welcome.getByRole('alert');
    await alert.getByText(/No Secret Service .* is running.* sudo apt install gnome-keyring/).waitFor();
    await page.mouse.move(0, 0);
    await screenshot(page, '21-welcome-keychain-unavailable');

    await welcome.getByRole('button', { name: 'Create Access Key' }).click();
    await page.getByRole('dialog', { name: 'Create Access Key' }).waitFor();
    await expect.poll(firstRun).toBe(false);
  });
});
