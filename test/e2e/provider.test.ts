import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../support/test-backend';
import { useChromium } from './support/chromium-suite';
import { openApp, pageProblems } from './support/open-app';
import { screenshot } from './support/screenshots';
import { everyAuthorization } from '../support/every-record';

// The provider's side in Debian's Chromium against the real handlers: API groups,
// an authorization for a key of this app, binding and unbinding, and what the key's page shows.

let backend: TestBackend;
let page: Page;

const chromium = useChromium();
afterEach(async () => {
  if (page) expect(pageProblems(page)).toEqual([]);
  await page?.context().close();
  await backend?.cleanup();
});

const menu = (label: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label, exact: true });

async function dismissToasts() {
  const dismiss = page.getByRole('button', { name: 'Dismiss notification' });
  while ((await dismiss.count()) > 0) await dismiss.first().click();
}

async function createGroup(name: string, region: string, environment: string, host: string, description: string) {
  await page.getByRole('button', { name: 'Create API Group' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Create API Group' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('textbox', { name: 'Description' }).fill(description);
  await dialog.getByRole('textbox', { name: 'Region' }).fill(region);
  await dialog.getByRole('combobox', { name: 'Environment' }).selectOption(environment);
  await dialog.getByRole('textbox', { name: 'Host' }).fill(host);
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect.poll(() => dialog.count()).toBe(0);
}

const bindingsOf = async (id: string) => {
  const result = await everyAuthorization(backend.api);
  if (!result.ok) throw new Error(result.error.message);
  return result.data.find((a) => a.id === id)!.boundGroups.map((g) => g.name).sort();
};

describe('the provider authorizes a caller for API groups', () => {
  it('creates groups, authorizes a key, binds, unbinds and deletes a group', async () => {
    backend = await startTestBackend();
    const created = await backend.api.accessKeys.create({ name: 'partner-acme', description: 'Handed to ACME' });
    if (!created.ok) throw new Error(created.error.message);
    const key = created.data;
    // A third authorization makes the list look lived-in.
    await backend.api.authorizations.create({ callerKey: 'FFEEDDCCBBAA00998877665544332211', description: 'Billing robot' });
    page = await openApp(chromium(), backend);

    await menu('API Groups').click();
    await page.getByRole('heading', { level: 1, name: 'API Groups' }).waitFor();
    await page.getByText('No API groups yet').waitFor();
    await createGroup('Orders', 'cn-north-1', 'online', 'xv3xbwah945y.cn-north-1.jdcloud-api.net', 'Order placement and tracking');
    await createGroup('Refunds', 'cn-east-2', 'preview', 'k2m9q7wdp4ab.cn-east-2.jdcloud-api.net', 'Refund requests');
    await createGroup('Reports', 'cn-north-1', 'test', 'r8c2e5tbn1xz.cn-north-1.jdcloud-api.net', '');
    await expect.poll(() => page.getByRole('table').getByRole('row').count()).toBe(4);
    await dismissToasts();
    await screenshot(page, '10-api-groups-list');

    // Copy the key's ID from its details page, as a provider who is also the caller would.
    await menu('Access Key').click();
    await page.getByRole('button', { name: 'partner-acme' }).click();
    await page.getByRole('heading', { level: 1, name: 'partner-acme' }).waitFor();
    const id = (await page.getByRole('region', { name: 'Basic information' }).locator('code').first().textContent())!.trim();
    expect(id).toBe(key.id);

    await menu('Access Authorization').click();
    await page.getByRole('heading', { level: 1, name: 'Access Authorization' }).waitFor();
    await page.getByRole('button', { name: 'Create Authorization' }).first().click();
    const create = page.getByRole('dialog', { name: 'Create Authorization' });
    const identifier = create.getByRole('textbox', { name: 'Access Key ID or APIKey' });
    await identifier.fill(`${id.slice(0, 6)} ${id.slice(6)}`);
    await create.getByRole('button', { name: 'Create', exact: true }).click();
    await create.getByText('The identifier contains spaces or line breaks inside it; copy it again.').waitFor();
    await identifier.fill(`  ${id}\n`);
    await create.getByRole('textbox', { name: 'Description' }).fill('ACME order integration');
    await screenshot(page, '11-create-authorization');
    await create.getByRole('button', { name: 'Create', exact: true }).click();
    await expect.poll(() => create.count()).toBe(0);
    const row = page.getByRole('row').filter({ hasText: id });
    await row.getByText('Your key: partner-acme').waitFor();
    const list = await everyAuthorization(backend.api);
    const authorizationId = list.ok ? list.data.find((a) => a.callerKey === id)!.id : '';

    // Bind two groups (the toast offers it), then unbind one.
    await page.getByRole('button', { name: 'Bind API groups' }).click();
    const bind = page.getByRole('dialog', { name: 'Bind API Groups' });
    const available = bind.getByRole('listbox', { name: 'Available groups' });
    const bound = bind.getByRole('listbox', { name: 'Bound groups' });
    await available.getByRole('option', { name: 'Orders' }).click();
    await available.getByRole('option', { name: 'Refunds' }).click();
    await screenshot(page, '12-bind-dialog');
    await bind.getByRole('button', { name: 'Bind selected', exact: true }).click();
    await expect.poll(() => bound.getByRole('option').count()).toBe(2);
    await bind.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => bind.count()).toBe(0);
    expect(await bindingsOf(authorizationId)).toEqual(['Orders', 'Refunds']);

    await row.getByRole('button', { name: 'Bind', exact: true }).click();
    await bind.getByRole('searchbox', { name: 'Search bound groups' }).fill('refunds');
    await bound.getByRole('option', { name: 'Refunds' }).click();
    await bind.getByRole('button', { name: 'Unbind selected' }).click();
    await bind.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => bind.count()).toBe(0);
    expect(await bindingsOf(authorizationId)).toEqual(['Orders']);
    await row.getByText('1 group').waitFor();
    // Leave and come back, so the "just created" highlight is gone from the picture.
    await menu('API Groups').click();
    await menu('Access Authorization').click();
    await row.getByText('1 group').click();
    await dismissToasts();
    await page.mouse.move(0, 0);
    await screenshot(page, '13-access-authorization-list');

    // The caller's view of the same key.
    await menu('Access Key').click();
    await page.getByRole('button', { name: 'partner-acme' }).click();
    const grants = page.getByRole('region', { name: 'Authorized API groups' });
    await grants.getByRole('cell', { name: 'Orders' }).waitFor();
    expect(await grants.getByRole('row').count()).toBe(2);
    await grants.scrollIntoViewIfNeeded();
    await screenshot(page, '14-access-key-details-grants');

    // Deleting the group takes its binding with it.
    await menu('API Groups').click();
    await page.getByRole('row').filter({ hasText: 'Orders' }).getByRole('button', { name: 'Delete', exact: true }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete API Group' });
    await confirm.getByText('1 authorization loses access to this group.', { exact: false }).waitFor();
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => confirm.count()).toBe(0);
    expect(await bindingsOf(authorizationId)).toEqual([]);
    await menu('Access Authorization').click();
    await page.getByRole('row').filter({ hasText: id }).getByText('None').waitFor();
    await menu('Access Key').click();
    await page.getByRole('button', { name: 'partner-acme' }).click();
    await grants.getByText('No API group is authorized for this key yet.', { exact: false }).waitFor();
  });
});
