import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type JdcloudEmulator } from '../support/jdcloud-emulator';
import type { TestBackend } from '../support/test-backend';
import { connectBackend, disconnect, findToast } from './helpers';
import { startApp, unwrap } from './provider-helpers';

// Apply's progress, Cancel and failures on the JD Cloud page, against the real
// backend and the emulator (its faults make the gateway slow or failing for real).

const REGION = 'cn-north-1';
const callers = (count: number) => Array.from({ length: count }, (_, index) => `${(index + 1).toString(16).toUpperCase().padStart(2, '0')}`.padEnd(32, 'A'));

let backend: TestBackend;
let emulator: JdcloudEmulator;
beforeEach(async () => {
  emulator = await startEmulator({ regions: [REGION] });
  backend = await connectBackend();
});
afterEach(async () => {
  await disconnect(backend);
  await emulator.close();
});

/** An account, a pulled group, and `count` authorizations bound to it: a plan of `count` creates. */
async function seedPlan(count: number) {
  emulator.addApiGroup(REGION, { groupName: 'orders', publish: ['online'] });
  unwrap(await backend.api.jdcloud.connect({ accessKeyId: emulator.account.accessKey, secretKey: emulator.account.secretKey, regions: [REGION], endpoint: emulator.endpoint }));
  unwrap(await backend.api.jdcloud.pull({}));
  const group = unwrap(await backend.api.apiGroups.list({})).find((g) => g.environment === 'online')!;
  for (const caller of callers(count)) {
    const authorization = unwrap(await backend.api.authorizations.create({ callerKey: caller, description: '' }));
    unwrap(await backend.api.authorizations.setBindings({ id: authorization.id, groupIds: [group.id] }));
  }
}

async function openPlan(count: number) {
  const view = await startApp();
  await view.user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'JD Cloud' }));
  await view.user.click(await screen.findByRole('button', { name: 'Plan' }));
  await screen.findByRole('region', { name: `Create authorization (${count})` });
  return view;
}

describe('applying to JD Cloud', () => {
  it('shows progress, cancels between items and says what was not run', async () => {
    await seedPlan(12);
    // Every create waits, so items are in flight when Cancel is pressed (four run at once).
    emulator.inject({ operation: 'createAccessAuth', kind: 'delay', ms: 1_500, times: 12 });
    const { user } = await openPlan(12);
    await user.click(screen.getByRole('button', { name: 'Apply 12 of 12' }));
    await user.click(within(screen.getByRole('alertdialog', { name: 'Apply 12 changes to JD Cloud?' })).getByRole('button', { name: 'Apply 12 changes' }));

    const progress = await screen.findByRole('group', { name: 'Apply progress' });
    // Cancelled once the first items are done, while the next ones are on their way.
    await within(progress).findByText(/Applying: [1-9]\d* of 12 done/);
    await user.click(within(progress).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.getByText(/^Apply cancelled: /).closest('[aria-live="polite"]')).not.toBeNull());

    const report = unwrap(await backend.api.jdcloud.lastApply({}))!;
    expect(report.cancelled).toBe(true);
    expect(report.counts.applied).toBeGreaterThan(0);
    expect(report.counts.notRun).toBeGreaterThan(0);
    expect(report.counts.applied + report.counts.notRun).toBe(12);
    // What the report calls applied is exactly what JD Cloud holds: nothing lost, nothing twice.
    expect(emulator.snapshot(REGION).authorizations).toHaveLength(report.counts.applied);
    const summary = await screen.findByRole('status', { name: 'Apply summary' });
    expect(summary.textContent).toMatch(new RegExp(`^Cancelled .*: ${report.counts.applied} applied, 0 already done, 0 failed, ${report.counts.notRun} not run`));
    expect(within(screen.getByRole('region', { name: 'Last apply' })).getAllByText('Not run')).toHaveLength(report.counts.notRun);
    expect(screen.queryByRole('group', { name: 'Apply progress' })).toBeNull();
    // The plan was asked again: what was not run is still to do.
    await screen.findByRole('region', { name: `Create authorization (${report.counts.notRun})` });
  });

  it('lists a failed item with main’s words and keeps it in the plan', async () => {
    await seedPlan(1);
    // The gateway keeps failing the create: the item fails after the safe retries (instant in tests).
    emulator.inject({ operation: 'createAccessAuth', kind: 'status', status: 503, times: 50 });
    emulator.inject({ operation: 'checkAuthExist', kind: 'status', status: 503, times: 50 });
    const { user } = await openPlan(1);
    await user.click(screen.getByRole('button', { name: 'Apply 1 of 1' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Apply 1 change' }));

    await findToast('Apply finished: 0 applied, 0 already done, 1 failed');
    const lastApply = screen.getByRole('region', { name: 'Last apply' });
    expect(within(lastApply).getByText('Failed')).toBeTruthy();
    const report = unwrap(await backend.api.jdcloud.lastApply({}))!;
    const message = report.results[0]!.error!.message;
    expect(message).not.toBe('');
    expect(within(lastApply).getByText(message)).toBeTruthy();
    expect(emulator.snapshot(REGION).authorizations).toHaveLength(0);
    emulator.clearFaults();
    await user.click(await screen.findByRole('button', { name: 'Plan again' }));
    await screen.findByRole('region', { name: 'Create authorization (1)' });
  });
});
