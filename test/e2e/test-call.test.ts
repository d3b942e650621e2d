import keytar from 'keytar';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../support/test-backend';
import { startVerifyingGateway, type VerifyingGateway } from '../support/verifying-gateway';
import { useChromium } from './support/chromium-suite';
import { openApp, pageProblems } from './support/open-app';
import { screenshot } from './support/screenshots';

// A caller's first call in Debian's Chromium: pick a stored key, aim at a local
// gateway that verifies signatures on its own, send, read the answer. The page
// calls the real handlers, so the request leaves from this test process.

let backend: TestBackend;
let gateway: VerifyingGateway | undefined;
let page: Page;

const chromium = useChromium();
afterEach(async () => {
  if (page) expect(pageProblems(page)).toEqual([]);
  await page?.context().close();
  await gateway?.close();
  await backend?.cleanup();
});

const menu = (label: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label, exact: true });
const textbox = (name: string) => page.getByRole('textbox', { name, exact: true });
const codeIn = (region: string) => page.getByRole('region', { name: region, exact: true }).locator('pre');

describe('the caller makes a test call', () => {
  it('signs with a stored key, sends to a verifying gateway, and diagnoses a wrong secret', async () => {
    backend = await startTestBackend();
    await backend.api.app.dismissWelcome({});
    const created = await backend.api.accessKeys.create({ name: 'orders-robot', description: 'Calls the Orders API' });
    if (!created.ok) throw new Error(created.error.message);
    const key = created.data;
    const secret = (await keytar.getPassword(backend.service, key.id))!;
    gateway = await startVerifyingGateway(new Map([[key.apiKey, secret]]));
    await backend.api.apiGroups.create({ name: 'Orders', description: '', region: 'cn-north-1', environment: 'online', host: 'xv3xbwah945y.cn-north-1.jdcloud-api.net' });
    page = await openApp(chromium(), backend);

    await menu('Test Call').click();
    await page.getByRole('heading', { level: 1, name: 'Test Call' }).waitFor();
    await page.getByRole('combobox', { name: 'Access key' }).selectOption({ label: 'orders-robot' });
    await textbox('URL').fill(`${gateway.origin}/v1/items?x=1`);
    // An IP host names no region or service: the overrides supply them.
    await textbox('Region').fill('cn-north-1');
    await textbox('Service').fill('xv3xbwah945y');
    await page.getByRole('combobox', { name: 'Method' }).selectOption('POST');
    await page.getByRole('button', { name: 'Add header' }).click();
    await textbox('Header 1 name').fill('Content-Type');
    await textbox('Header 1 value').fill('application/json');
    await textbox('Body').fill('{"item":"book","quantity":2}');

    await expect.poll(() => codeIn('Canonical request').textContent(), { timeout: 10_000 }).toMatch(/^POST\n\/v1\/items\nx=1\ncontent-type:application\/json\nhost:127\.0\.0\.1:\d+\n/);
    expect(await codeIn('String to sign').textContent()).toMatch(/^JDCLOUD2-HMAC-SHA256\n\d{8}T\d{6}Z\n\d{8}\/cn-north-1\/xv3xbwah945y\/jdcloud2_request\n/);
    const curl = await textbox('curl command').inputValue();
    expect(curl).toContain(`Credential=${key.apiKey}/`);
    // A stored key's APISecret signs only on Send: the preview carries a visible placeholder.
    expect(curl).toContain('Signature=<computed when sent>');
    expect(curl).not.toContain(secret);
    expect(await page.locator('body').textContent()).not.toContain(secret);
    // Filling the body scrolled the form; show it from the chosen key down.
    await page.getByRole('region', { name: 'Request details' }).evaluate((pane) => pane.scrollTo(0, 0));
    await screenshot(page, '30-test-call-preview');

    await page.getByRole('button', { name: 'Send' }).click();
    const status = page.locator('.response-status-code');
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe('200 OK');
    expect(await codeIn('Response body').textContent()).toContain('"verified": true');
    expect(gateway.calls).toMatchObject([{ method: 'POST', path: '/v1/items?x=1', body: '{"item":"book","quantity":2}', verified: true }]);
    await screenshot(page, '31-test-call-response');

    // The same call with the key typed by hand and a wrong APISecret: the gateway refuses it,
    // and what Gatekey signed stays beside the answer.
    await page.getByRole('combobox', { name: 'Access key' }).selectOption({ label: 'Enter an APIKey and APISecret…' });
    await textbox('APIKey').fill(key.apiKey);
    await page.getByLabel('APISecret', { exact: true }).fill('0'.repeat(32));
    await page.getByRole('tab', { name: 'Signature' }).click();
    await expect.poll(() => codeIn('Canonical request').count(), { timeout: 10_000 }).toBe(1);
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe('401 Unauthorized');
    expect(await codeIn('Canonical request sent').textContent()).toMatch(/^POST\n\/v1\/items\nx=1\n/);
    expect(await codeIn('Response body').textContent()).toContain('"error": "signature mismatch"');
    expect(gateway.calls.at(-1)).toMatchObject({ verified: false, reason: 'signature mismatch' });
    // Scrolled so the gateway's own canonical request (in its body) shows below the one Gatekey sent.
    await page.getByRole('region', { name: 'Response body', exact: true }).scrollIntoViewIfNeeded();
    await screenshot(page, '32-test-call-401');
  });
});
