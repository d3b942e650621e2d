import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import keytar from 'keytar';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../electron/ipc/result';
import { startTestBackend, type TestBackend } from '../support/test-backend';
import { useChromium } from './support/chromium-suite';
import { openApp, pageProblems } from './support/open-app';
import { screenshot } from './support/screenshots';
import { everyAuthorization } from '../support/every-record';

// The key-file handoff in Debian's Chromium against the real handlers, between two
// data folders: the caller exports an APIKey from its details page, the provider
// imports the file into Create Authorization and binds an API group to it.

let caller: TestBackend | undefined;
let provider: TestBackend | undefined;
const pages: Page[] = [];
let folder: string;

const chromium = useChromium();
afterEach(async () => {
  for (const page of pages.splice(0)) {
    expect(pageProblems(page)).toEqual([]);
    await page.context().close();
  }
  await caller?.cleanup();
  await provider?.cleanup();
  if (folder) await rm(folder, { recursive: true, force: true });
});

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

async function open(backend: TestBackend): Promise<Page> {
  unwrap(await backend.api.app.dismissWelcome({}));
  const page = await openApp(chromium(), backend);
  pages.push(page);
  return page;
}

const menu = (page: Page, label: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label, exact: true });

async function dismissToasts(page: Page) {
  const dismiss = page.getByRole('button', { name: 'Dismiss notification' });
  while ((await dismiss.count()) > 0) await dismiss.first().click();
}

describe('the key-file handoff between two machines', () => {
  it('exports an APIKey on the caller side, imports it on the provider side and binds a group', async () => {
    folder = await mkdtemp(join(tmpdir(), 'gatekey-e2e-handoff-'));

    // --- The caller's machine ---
    caller = await startTestBackend();
    const key = unwrap(await caller.api.accessKeys.create({ name: 'partner-acme', description: 'Order integration for ACME' }));
    const billing = unwrap(await caller.api.accessKeys.create({ name: 'billing-robot', description: '' }));
    const callerPage = await open(caller);
    await callerPage.getByRole('button', { name: 'partner-acme' }).click();
    await callerPage.getByRole('heading', { level: 1, name: 'partner-acme' }).waitFor();
    const handoff = callerPage.getByRole('region', { name: 'Hand over to a provider' });
    await handoff.getByText(`Fingerprint ${key.fingerprint}`).waitFor();
    await handoff.scrollIntoViewIfNeeded();
    await screenshot(callerPage, '42-access-key-export');

    const keyFile = join(folder, 'partner-acme.gatekey.json');
    caller.desktop.savePath = keyFile;
    await handoff.getByRole('button', { name: 'Export APIKey' }).click();
    await callerPage.getByText(`Key file saved to ${keyFile}`).waitFor();
    const exported = await readFile(keyFile, 'utf8');
    const secret = await keytar.getPassword(caller.service, key.id);
    expect(secret).toMatch(/^[0-9A-F]{32}$/i);
    expect(exported).toContain(key.apiKey);
    expect(exported).not.toContain(secret!);
    // Not even part of it: no 8-character run of the secret.
    for (let i = 0; i + 8 <= secret!.length; i += 1) expect(exported).not.toContain(secret!.slice(i, i + 8));

    // Two more files for a realistic import: one the provider already authorized, one damaged in transit.
    const billingFile = join(folder, 'billing-robot.gatekey.json');
    caller.desktop.savePath = billingFile;
    expect(unwrap(await caller.api.keyFiles.export({ id: billing.id }))).toMatchObject({ saved: true });
    const damagedFile = join(folder, 'partner-acme (copy).gatekey.json');
    await writeFile(damagedFile, exported.slice(0, exported.length - 40));

    // --- The provider's machine: its own data folder ---
    provider = await startTestBackend();
    const orders = unwrap(await provider.api.apiGroups.create({ name: 'Orders', description: 'Order placement', region: 'cn-north-1', environment: 'online', host: 'xv3xbwah945y.cn-north-1.jdcloud-api.net' }));
    unwrap(await provider.api.apiGroups.create({ name: 'Refunds', description: '', region: 'cn-east-2', environment: 'preview', host: 'k2m9q7wdp4ab.cn-east-2.jdcloud-api.net' }));
    const existing = unwrap(await provider.api.authorizations.create({ callerKey: billing.apiKey, description: 'Billing robot' }));
    provider.desktop.openPaths = [keyFile, billingFile, damagedFile];

    const page = await open(provider);
    await menu(page, 'Access Authorization').click();
    await page.getByRole('heading', { level: 1, name: 'Access Authorization' }).waitFor();
    await page.getByRole('button', { name: 'Create Authorization' }).first().click();
    const create = page.getByRole('dialog', { name: 'Create Authorization' });
    await create.getByRole('button', { name: 'Import key file…' }).click();

    const dialog = page.getByRole('dialog', { name: 'Import Key Files' });
    const items = dialog.getByRole('list', { name: 'Items to import' });
    const fresh = items.getByRole('listitem', { name: 'partner-acme', exact: true });
    await fresh.getByText('Will be authorized').waitFor();
    // The fingerprint the provider reads is the one the caller's page shows.
    await fresh.getByText(key.fingerprint, { exact: true }).waitFor();
    await fresh.getByText(key.apiKey).waitFor();
    await items.getByRole('listitem', { name: 'billing-robot' }).getByText('Already authorized').waitFor();
    await items.getByRole('listitem', { name: 'partner-acme (copy).gatekey.json' }).getByText(/^Rejected: /).waitFor();
    expect(await create.count()).toBe(0);
    await screenshot(page, '40-import-preview');

    await dialog.getByRole('button', { name: 'Create 1 authorization' }).click();
    await dialog.getByText('Created 1 authorization. 1 already authorized (skipped). 1 rejected.').waitFor();
    await screenshot(page, '41-import-summary');

    const list = unwrap(await everyAuthorization(provider.api));
    const created = list.find((a) => a.callerKey === key.apiKey)!;
    expect(created).toMatchObject({ callerKeyKind: 'apiKey', description: 'partner-acme: Order integration for ACME', fingerprint: key.fingerprint });
    expect(list.find((a) => a.id === existing.id)?.description).toBe('Billing robot');

    // Bind straight from the summary.
    await dialog.getByRole('region', { name: 'Created 1' }).getByRole('button', { name: 'Bind API groups' }).click();
    const bind = page.getByRole('dialog', { name: 'Bind API Groups' });
    await bind.getByRole('listbox', { name: 'Available groups' }).getByRole('option', { name: 'Orders' }).click();
    await bind.getByRole('button', { name: 'Bind selected', exact: true }).click();
    await bind.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => bind.count()).toBe(0);
    const bound = unwrap(await everyAuthorization(provider.api)).find((a) => a.id === created.id)!;
    expect(bound.boundGroups.map((g) => g.id)).toEqual([orders.id]);

    const row = page.getByRole('row').filter({ hasText: key.apiKey });
    await row.getByText(`Fingerprint ${key.fingerprint}`).waitFor();
    await row.getByText('1 group').waitFor();
    await dismissToasts(page);
    await page.mouse.move(0, 0);
    await screenshot(page, '43-access-authorization-imported');
  });
});
