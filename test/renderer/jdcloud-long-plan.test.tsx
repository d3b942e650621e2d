import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeOfScale } from '../bench/scale-data';
import { startEmulator, type JdcloudEmulator } from '../support/jdcloud-emulator';
import type { TestBackend } from '../support/test-backend';
import { connectBackend, disconnect, STORE_FILE } from './helpers';
import { startApp, unwrap } from './provider-helpers';
import { everyAuthorization } from '../support/every-record';

// A plan and an apply of 1,000 items on the JD Cloud page, against the real backend and the
// emulator: only the rows in view are in the DOM, the keyboard reaches every item, and the
// summary lists every result. jsdom has no layout: a plan list assumes 420 px, a table 800 px.

const REGION = 'cn-north-1';
const COUNT = 1_000;

let backend: TestBackend | undefined;
let emulator: JdcloudEmulator;
beforeEach(async () => {
  emulator = await startEmulator({ regions: [REGION] });
});
afterEach(async () => {
  await disconnect(backend);
  await emulator.close();
});

/**
 * 1,000 authorizations bound to one group, written straight to the data file (creating them
 * through the channels would take minutes), the group published in the emulator and pulled.
 */
async function seedLongPlan(): Promise<string[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'gatekey-jd-long-'));
  const data = storeOfScale({ label: 'test', accessKeys: 0, authorizations: COUNT, apiGroups: 1, bindings: COUNT });
  await writeFile(join(dataDir, STORE_FILE), JSON.stringify(data));
  const group = data.apiGroups[0]!;
  emulator.addApiGroup(REGION, { groupName: group.name, publish: [group.environment] });
  backend = await connectBackend({ dataDir });
  unwrap(await backend.api.jdcloud.connect({ accessKeyId: emulator.account.accessKey, secretKey: emulator.account.secretKey, regions: [REGION], endpoint: emulator.endpoint }));
  unwrap(await backend.api.jdcloud.pull({}));
  return data.authorizations.map((authorization) => authorization.callerKey);
}

const checkboxOf = (apiKey: string) => screen.getByRole('checkbox', { name: `Include: Create authorization for APIKey ${apiKey} in ${REGION}` });

describe('a plan of 1,000 items', () => {
  it('renders a window of the items, reaches the last by keyboard, excludes it, applies the rest and summarises every result', async () => {
    const callers = await seedLongPlan();
    const { user } = await startApp();
    await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'JD Cloud' }));
    await user.click(await screen.findByRole('button', { name: 'Plan' }));
    const creates = await screen.findByRole('region', { name: `Create authorization (${COUNT})` });
    const list = within(creates).getByRole('list', { name: 'Create authorization' });
    // Only a window of rows (the view and its overscan), not 1,000 rows of checkboxes and chips.
    expect(within(list).getAllByRole('checkbox').length).toBeLessThan(60);
    expect(within(list).getAllByRole('listitem')[0]!.getAttribute('aria-setsize')).toBe(String(COUNT));
    expect(screen.getByRole('button', { name: `Apply ${COUNT} of ${COUNT}` })).toBeTruthy();

    // One checkbox is in the Tab order; End reaches the last item, which is rendered then, and Space excludes it.
    const first = checkboxOf(callers[0]!);
    expect(first.getAttribute('tabindex')).toBe('0');
    expect(within(list).getAllByRole('checkbox').filter((box) => box.getAttribute('tabindex') === '0')).toHaveLength(1);
    first.focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(checkboxOf(callers[1]!));
    await user.keyboard('{End}');
    const last = callers[COUNT - 1]!;
    expect(document.activeElement).toBe(checkboxOf(last));
    expect(within(list).getAllByRole('checkbox').length).toBeLessThan(80);
    await user.keyboard(' ');
    expect((checkboxOf(last) as HTMLInputElement).checked).toBe(false);
    expect(screen.getByRole('button', { name: `Apply ${COUNT - 1} of ${COUNT}` })).toBeTruthy();
    expect(within(creates).getByText(`${COUNT - 1} included`)).toBeTruthy();

    // Exclude all, then include all again: one press each, whatever the count.
    await user.click(within(creates).getByRole('button', { name: `Include all ${COUNT}: Create authorization` }));
    expect(screen.getByRole('button', { name: `Apply ${COUNT} of ${COUNT}` })).toBeTruthy();
    await user.click(within(creates).getByRole('button', { name: `Exclude all ${COUNT}: Create authorization` }));
    expect((screen.getByRole('button', { name: `Apply 0 of ${COUNT}` }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(within(creates).getByRole('button', { name: `Include all ${COUNT}: Create authorization` }));
    await user.click(checkboxOf(last));

    await user.click(screen.getByRole('button', { name: `Apply ${COUNT - 1} of ${COUNT}` }));
    await user.click(within(screen.getByRole('alertdialog', { name: `Apply ${COUNT - 1} changes to JD Cloud?` })).getByRole('button', { name: `Apply ${COUNT - 1} changes` }));
    // Polled, not waited for with findBy: testing-library re-queries the whole page on every DOM change,
    // and 1,000 progress updates would make the test, not the page, slow.
    const finished = `Apply finished: ${COUNT - 1} applied, 0 already done, 0 failed`;
    await expect.poll(() => screen.queryByText(finished)?.closest('[aria-live="polite"]') ?? null, { timeout: 120_000 }).not.toBeNull();
    expect(emulator.snapshot(REGION).authorizations).toHaveLength(COUNT - 1);

    // The summary's table holds every result, rendering only the rows in view. The report is asked
    // for again once main says the apply changed it, which may land after the finished toast.
    await expect.poll(() => screen.queryByRole('region', { name: 'Last apply' }), { timeout: 120_000 }).not.toBeNull();
    const lastApply = screen.getByRole('region', { name: 'Last apply' });
    const table = within(lastApply).getByRole('table');
    expect(table.getAttribute('aria-rowcount')).toBe(String(COUNT - 1 + 1));
    expect(within(table).getAllByRole('row').length).toBeLessThan(60);
    // The plan was asked again (reading 999 authorizations' bindings back from the gateway): only the excluded item is left.
    await expect.poll(() => screen.queryByRole('region', { name: 'Create authorization (1)' }), { timeout: 120_000 }).not.toBeNull();
    expect(within(screen.getByRole('region', { name: 'Create authorization (1)' })).getByText(last)).toBeTruthy();
  }, 300_000); // 2,000 writes and 1,000 reads over HTTP in jsdom on a busy machine: minutes, not the 60 s default
});

describe('an apply that deletes', () => {
  it('names every authorization it deletes in the confirmation', async () => {
    const group = emulator.addApiGroup(REGION, { groupName: 'orders', publish: ['online'] });
    const dataDir = await mkdtemp(join(tmpdir(), 'gatekey-jd-delete-'));
    backend = await connectBackend({ dataDir });
    unwrap(await backend.api.jdcloud.connect({ accessKeyId: emulator.account.accessKey, secretKey: emulator.account.secretKey, regions: [REGION], endpoint: emulator.endpoint }));
    const caller = 'C0FFEE00C0FFEE00C0FFEE00C0FFEE00';
    const accessAuthId = emulator.addAccessAuth(REGION, { accessKey: caller, description: 'partner', deploymentIds: [group.deployments[0]!.deploymentId] });
    // Adopted, then deleted here: the plan deletes it in JD Cloud.
    unwrap(await backend.api.jdcloud.pull({ adoptRemote: true }));
    const [adopted] = unwrap(await everyAuthorization(backend.api));
    unwrap(await backend.api.authorizations.delete({ id: adopted!.id }));

    const { user } = await startApp();
    await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'JD Cloud' }));
    await user.click(await screen.findByRole('button', { name: 'Plan' }));
    await screen.findByRole('region', { name: 'Delete authorization (1)' });
    await user.click(screen.getByRole('button', { name: 'Apply 1 of 1' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Apply 1 change to JD Cloud?' });
    const named = within(confirm).getByRole('list', { name: 'Authorizations to delete' });
    expect(named.textContent).toContain(`APIKey ${caller} in ${REGION} (JD Cloud authorization ${accessAuthId})`);
    expect(within(confirm).getByText(/its caller loses access/)).toBeTruthy();
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Cancel' }));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(emulator.count('deleteAccessAuth')).toBe(0);
  });
});
