import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type JdcloudEmulator } from '../support/jdcloud-emulator';
import { startTestBackend, type TestBackend } from '../support/test-backend';
import { useChromium } from './support/chromium-suite';
import { openApp, pageProblems } from './support/open-app';
import { screenshot } from './support/screenshots';

// JD Cloud in Debian's Chromium against the real handlers and the emulator over real
// HTTP: connect, check, pull, plan (excluding an item), apply with progress, summary.

const REGION = 'cn-north-1';
const CALLERS = ['A1B2C3D4E5F60718293A4B5C6D7E8F90', 'B2C3D4E5F60718293A4B5C6D7E8F90A1', 'C3D4E5F60718293A4B5C6D7E8F90A1B2', 'D4E5F60718293A4B5C6D7E8F90A1B2C3', 'E5F60718293A4B5C6D7E8F90A1B2C3D4'];

let backend: TestBackend;
let emulator: JdcloudEmulator;
let page: Page;

const chromium = useChromium();
afterEach(async () => {
  if (page) expect(pageProblems(page)).toEqual([]);
  await page?.context().close();
  await backend?.cleanup();
  await emulator?.close();
});

const menu = (label: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label, exact: true });

async function dismissToasts() {
  const dismiss = page.getByRole('button', { name: 'Dismiss notification' });
  while ((await dismiss.count()) > 0) await dismiss.first().click();
}

function unwrap<T>(result: { ok: true; data: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

describe('the provider syncs with JD Cloud API Gateway', () => {
  it('connects, checks, pulls, plans, applies with progress and shows the summary', async () => {
    emulator = await startEmulator({ regions: [REGION] });
    const orders = emulator.addApiGroup(REGION, { groupName: 'orders', description: 'Order placement', publish: ['test', 'online'] });
    emulator.addApiGroup(REGION, { groupName: 'refunds', description: 'Refund requests', publish: ['online'] });
    emulator.addAccessAuth(REGION, { accessKey: 'F60718293A4B5C6D7E8F90A1B2C3D4E5', description: 'made in the console', deploymentIds: [orders.deployments[1]!.deploymentId] });
    backend = await startTestBackend();
    // A returning user: the first-run welcome was dismissed before.
    unwrap(await backend.api.app.dismissWelcome({}));
    page = await openApp(chromium(), backend);

    await menu('JD Cloud').click();
    await page.getByRole('heading', { level: 1, name: 'JD Cloud' }).waitFor();
    await page.getByText('No JD Cloud account connected').waitFor();
    await screenshot(page, '40-jdcloud-empty');

    await page.getByRole('button', { name: 'Connect account' }).click();
    const connect = page.getByRole('dialog', { name: 'Connect JD Cloud account' });
    await connect.getByRole('textbox', { name: 'AccessKey ID' }).fill(emulator.account.accessKey);
    await connect.getByLabel('SecretKey').fill(emulator.account.secretKey);
    await connect.getByText('Advanced').click();
    await connect.getByRole('textbox', { name: 'Endpoint' }).fill(emulator.endpoint);
    expect(await connect.getByLabel('SecretKey').getAttribute('type')).toBe('password');
    await screenshot(page, '41-jdcloud-connect');
    await connect.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect.poll(() => connect.count()).toBe(0);
    await page.getByText('JD Cloud accepted the account').waitFor();

    await page.getByRole('button', { name: 'Pull', exact: true }).click();
    await page.getByRole('status', { name: 'Pull report' }).waitFor();
    await page.getByText('1 authorization exists only in JD Cloud').waitFor();
    await dismissToasts();
    await screenshot(page, '42-jdcloud-pulled');

    // Five callers bound to the pulled groups' online deployments (the provider's usual screens do this).
    const groups = unwrap(await backend.api.apiGroups.list({})).filter((g) => g.environment === 'online');
    expect(groups.map((g) => g.name).sort()).toEqual(['orders', 'refunds']);
    for (const [index, caller] of CALLERS.entries()) {
      const authorization = unwrap(await backend.api.authorizations.create({ callerKey: caller, description: `partner ${index + 1}` }));
      unwrap(await backend.api.authorizations.setBindings({ id: authorization.id, groupIds: index % 2 === 0 ? groups.map((g) => g.id) : [groups[0]!.id] }));
    }

    await page.getByRole('button', { name: 'Plan', exact: true }).click();
    const creates = page.getByRole('region', { name: 'Create authorization (5)' });
    await creates.waitFor();
    await page.getByRole('region', { name: 'Only in JD Cloud (1)' }).waitFor();
    await page.getByRole('checkbox', { name: `Include: Create authorization for APIKey ${CALLERS[4]} in ${REGION}` }).uncheck();
    await screenshot(page, '43-jdcloud-plan');

    // Slow replies, so the progress view is there to see and to photograph.
    emulator.inject({ operation: 'createAccessAuth', kind: 'delay', ms: 700, times: 4 });
    await page.getByRole('button', { name: 'Apply 4 of 5' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Apply 4 changes to JD Cloud?' });
    await confirm.getByText('4 authorizations to create, in cn-north-1', { exact: false }).waitFor();
    await screenshot(page, '44-jdcloud-apply-confirm');
    await confirm.getByRole('button', { name: 'Apply 4 changes' }).click();
    const progress = page.getByRole('group', { name: 'Apply progress' });
    await progress.waitFor();
    await screenshot(page, '45-jdcloud-apply-progress');

    await page.getByRole('status', { name: 'Apply summary' }).waitFor();
    await expect.poll(() => page.getByRole('status', { name: 'Apply summary' }).textContent()).toMatch(/4 applied, 0 already done, 0 failed/);
    await page.getByRole('region', { name: 'Create authorization (1)' }).waitFor();
    await dismissToasts();
    await page.getByRole('region', { name: 'Last apply' }).scrollIntoViewIfNeeded();
    await page.mouse.move(0, 0);
    await screenshot(page, '46-jdcloud-apply-summary');

    const remote = emulator.snapshot(REGION).authorizations;
    expect(remote.map((a) => a.accessKey).sort()).toEqual([...CALLERS.slice(0, 4), 'F60718293A4B5C6D7E8F90A1B2C3D4E5'].sort());
    expect(emulator.count('createAccessAuth', { applied: true })).toBe(4);

    // The caller's side: a key made by JD Cloud, linked, with where to delete it.
    await menu('Access Key').click();
    await page.getByRole('button', { name: 'Create Access Key' }).first().click();
    const create = page.getByRole('dialog', { name: 'Create Access Key' });
    await create.getByRole('textbox', { name: 'Name' }).fill('acme-cloud');
    await create.getByRole('checkbox', { name: 'Create in JD Cloud' }).check();
    await screenshot(page, '47-jdcloud-create-key');
    await create.getByRole('button', { name: 'Create in JD Cloud' }).click();
    await page.getByRole('heading', { level: 1, name: 'acme-cloud' }).waitFor();
    const [key] = emulator.snapshot(REGION).keys;
    await page.getByText(`JD Cloud key ${key!.keyId} (${REGION})`, { exact: false }).waitFor();
    await dismissToasts();
    await screenshot(page, '48-jdcloud-key-details');
  });
});
