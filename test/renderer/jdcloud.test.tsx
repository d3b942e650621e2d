import { act, screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useAppStore } from '../../renderer/src/store';
import { startEmulator, type JdcloudEmulator } from '../support/jdcloud-emulator';
import type { TestBackend } from '../support/test-backend';
import { connectBackend, disconnect, findToast, heldByTheWindow } from './helpers';
import { seedAuthorization, startApp, unwrap } from './provider-helpers';
import { call } from '../electron/jdcloud-emulator/sign';
import { everyAccessKey, everyAuthorization } from '../support/every-record';

// The JD Cloud page against the real backend and the local emulator over real HTTP:
// connect and check, pull (and adopt), plan, exclude, apply with its summary.

const REGION = 'cn-north-1';
const CALLER = 'A1B2C3D4E5F60718293A4B5C6D7E8F90';
const OTHER_CALLER = 'B1B2C3D4E5F60718293A4B5C6D7E8F91';

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

async function openJdCloud(user: UserEvent) {
  await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'JD Cloud' }));
  await screen.findByRole('heading', { level: 1, name: 'JD Cloud' });
}

/** Fills Connect as a user would, the endpoint under Advanced; answers the dialog. */
async function connectThroughForm(user: UserEvent, secretKey = emulator.account.secretKey) {
  await user.click(await screen.findByRole('button', { name: 'Connect account' }));
  const dialog = screen.getByRole('dialog', { name: 'Connect JD Cloud account' });
  await user.type(within(dialog).getByRole('textbox', { name: 'AccessKey ID' }), emulator.account.accessKey);
  await user.type(within(dialog).getByLabelText(/^SecretKey/), secretKey);
  expect((within(dialog).getByRole('checkbox', { name: /cn-north-1/ }) as HTMLInputElement).checked).toBe(true);
  await user.click(within(dialog).getByText('Advanced'));
  const endpoint = within(dialog).getByRole('textbox', { name: 'Endpoint' });
  expect((endpoint as HTMLInputElement).value).toBe('https://apigateway.jdcloud-api.com');
  await user.clear(endpoint);
  await user.type(endpoint, emulator.endpoint);
  await user.click(within(dialog).getByRole('button', { name: 'Connect' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
}

describe('the JD Cloud account', () => {
  it('starts empty, connects, checks at once and never holds the SecretKey in the window', async () => {
    const { user } = await startApp();
    await openJdCloud(user);
    expect(screen.getByText('No JD Cloud account connected')).toBeTruthy();

    // The form's own rules first: no region, no SecretKey.
    await user.click(screen.getByRole('button', { name: 'Connect account' }));
    const dialog = screen.getByRole('dialog', { name: 'Connect JD Cloud account' });
    await user.click(within(dialog).getByRole('checkbox', { name: /cn-north-1/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Connect' }));
    await within(dialog).findByText('Choose at least one region.');
    expect(within(dialog).getByText('SecretKey is required.')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    await connectThroughForm(user);
    await screen.findByText('JD Cloud accepted the account');
    const account = screen.getByRole('region', { name: 'Account' });
    expect(within(account).getByText(emulator.account.accessKey)).toBeTruthy();
    expect(within(account).getByText(emulator.endpoint)).toBeTruthy();
    expect(within(account).getByText('In the OS keychain (never shown)')).toBeTruthy();
    expect(within(account).getByText(/1 API group|0 API groups/)).toBeTruthy();
    expect(emulator.count('describeApiGroups', { status: 200 })).toBeGreaterThan(0);
    expect(heldByTheWindow()).not.toContain(emulator.account.secretKey);
    expect(document.body.innerHTML).not.toContain(emulator.account.secretKey);
  });

  it('says why JD Cloud refuses a wrong SecretKey, and disconnects after asking', async () => {
    const { user } = await startApp();
    await openJdCloud(user);
    await connectThroughForm(user, 'not-the-right-secret-key');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('JD Cloud refused the account')).toBeTruthy();
    expect(alert.textContent).toMatch(/401|SecretKey/);

    await user.click(screen.getByRole('button', { name: 'Disconnect' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Disconnect the JD Cloud account?' });
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Cancel' }));
    await user.click(within(confirm).getByRole('button', { name: 'Disconnect' }));
    await screen.findByText('No JD Cloud account connected');
    expect(unwrap(await backend.api.jdcloud.getAccount({}))).toBeNull();
    // Main asked in its own dialog too: disconnecting deletes a keychain entry.
    expect(backend.desktop.confirmations.map((q) => q.confirmLabel)).toContain('Disconnect');
  });
});

describe('an account without API Gateway permissions', () => {
  it('says so on Check connection (403), with the fix and the requestId', async () => {
    const forbidden = await startEmulator({ regions: [REGION], accounts: [{ accessKey: 'JDC_NO_GATEWAY_RIGHTS', secretKey: 'forbidden-secret-key', allowed: false }] });
    try {
      unwrap(await backend.api.jdcloud.connect({ accessKeyId: 'JDC_NO_GATEWAY_RIGHTS', secretKey: 'forbidden-secret-key', regions: [REGION], endpoint: forbidden.endpoint }));
      const { user } = await startApp();
      await openJdCloud(user);
      await user.click(await screen.findByRole('button', { name: 'Check connection' }));
      const alert = await screen.findByRole('alert');
      expect(within(alert).getByText('JD Cloud refused the account')).toBeTruthy();
      expect(alert.textContent).toContain('403');
      expect(alert.textContent).toMatch(/permission/i);
      const [refusal] = forbidden.requests.filter((request) => request.status === 403);
      expect((screen.getByRole('textbox', { name: 'Request ID' }) as HTMLTextAreaElement).value).toBe(refusal!.requestId);
    } finally {
      await forbidden.close();
    }
  });
});

describe('pull, plan and apply', () => {
  it('pulls groups, plans a create with its binding, lets an item be excluded, applies and plans nothing after', async () => {
    const group = emulator.addApiGroup(REGION, { groupName: 'orders', description: 'Orders API', publish: ['online'] });
    const { user } = await startApp();
    await openJdCloud(user);
    await connectThroughForm(user);
    await screen.findByText('JD Cloud accepted the account');

    await user.click(screen.getByRole('button', { name: 'Pull' }));
    const report = await screen.findByRole('status', { name: 'Pull report' });
    expect(within(report).getByText(/1 added here/)).toBeTruthy();

    // Two callers, both bound to the pulled group's online deployment.
    const local = unwrap(await backend.api.apiGroups.list({})).find((g) => g.environment === 'online')!;
    for (const caller of [CALLER, OTHER_CALLER]) {
      const authorization = await seedAuthorization(backend, caller, `partner ${caller.slice(0, 4)}`);
      unwrap(await backend.api.authorizations.setBindings({ id: authorization.id, groupIds: [local.id] }));
    }

    await user.click(screen.getByRole('button', { name: 'Plan' }));
    const creates = await screen.findByRole('region', { name: 'Create authorization (2)' });
    expect(within(creates).getByText(CALLER)).toBeTruthy();
    expect(within(creates).getAllByText(`+ ${local.name} (online)`)).toHaveLength(2);
    expect(emulator.count('createAccessAuth')).toBe(0);

    // Exclude the second caller: only the first is applied.
    await user.click(screen.getByRole('checkbox', { name: `Include: Create authorization for APIKey ${OTHER_CALLER} in ${REGION}` }));
    await user.click(screen.getByRole('button', { name: 'Apply 1 of 2' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Apply 1 change to JD Cloud?' });
    expect(within(confirm).getByText(/1 authorization to create, in cn-north-1/)).toBeTruthy();
    await user.click(within(confirm).getByRole('button', { name: 'Apply 1 change' }));

    await findToast('Apply finished: 1 applied, 0 already done, 0 failed');
    const summary = await screen.findByRole('status', { name: 'Apply summary' });
    expect(summary.textContent).toMatch(/1 applied, 0 already done, 0 failed/);
    const lastApply = screen.getByRole('region', { name: 'Last apply' });
    expect(within(lastApply).getByText('Applied')).toBeTruthy();
    const requestIds = within(lastApply).getByRole('textbox', { name: 'All request IDs' }) as HTMLTextAreaElement;
    expect(requestIds.value).not.toBe('');

    const remote = emulator.snapshot(REGION).authorizations;
    expect(remote).toHaveLength(1);
    expect(remote[0]).toMatchObject({ accessKey: CALLER, deploymentIds: [group.deployments[0]!.deploymentId] });

    // The plan was asked again after the apply: only the excluded caller is left.
    await waitFor(() => expect(screen.getByRole('region', { name: 'Create authorization (1)' })).toBeTruthy());
    expect(within(screen.getByRole('region', { name: 'Create authorization (1)' })).getByText(OTHER_CALLER)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Apply 1 of 1' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Apply 1 change' }));
    await screen.findByText('Nothing to apply');
    expect(emulator.snapshot(REGION).authorizations).toHaveLength(2);
  });

  it('lists authorizations only JD Cloud has and adopts them on request', async () => {
    const group = emulator.addApiGroup(REGION, { groupName: 'billing', publish: ['online'] });
    emulator.addAccessAuth(REGION, { accessKey: CALLER, description: 'made in the console', deploymentIds: [group.deployments[0]!.deploymentId] });
    const { user } = await startApp();
    await openJdCloud(user);
    await connectThroughForm(user);

    await user.click(screen.getByRole('button', { name: 'Pull' }));
    await screen.findByText('1 authorization exists only in JD Cloud');
    expect(unwrap(await everyAuthorization(backend.api))).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Plan' }));
    const remoteOnly = await screen.findByRole('region', { name: 'Only in JD Cloud (1)' });
    expect(within(remoteOnly).getByText(CALLER)).toBeTruthy();
    expect(screen.getByText('Nothing to apply')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Adopt them' }));
    await findToast('Adopted 1 authorization from JD Cloud');
    const adopted = unwrap(await everyAuthorization(backend.api));
    expect(adopted).toMatchObject([{ callerKey: CALLER, description: 'made in the console' }]);
    expect(emulator.count('createAccessAuth') + emulator.count('deleteAccessAuth')).toBe(0);
  });
});

describe('the caller side', () => {
  it('pulls the account’s signature keys on request, secrets straight to the keychain', async () => {
    const remote = emulator.addKey(REGION, { keyName: 'partner-key', keyDesc: 'made in the console' });
    const { user } = await startApp();
    await openJdCloud(user);
    await connectThroughForm(user);
    await user.click(screen.getByRole('checkbox', { name: /Also pull the account’s signature keys/ }));
    await user.click(screen.getByRole('button', { name: 'Pull' }));
    const report = await screen.findByRole('status', { name: 'Pull report' });
    expect(report.textContent).toContain('0 linked, 1 added here, 1 APISecret stored in the keychain');

    const [key] = unwrap(await everyAccessKey(backend.api));
    expect(key).toMatchObject({ name: 'partner-key', apiKey: remote.accessKey, remote: { keyId: remote.keyId, region: REGION } });
    const revealed = unwrap(await backend.api.accessKeys.revealSecret({ id: key!.id }));
    expect(revealed.secret === remote.secretKey).toBe(true);
    expect(heldByTheWindow()).not.toContain(remote.secretKey);

    // Reset in the console: the next pull names the key and changes nothing here.
    expect(await call(emulator, { method: 'PUT', path: `/v1/regions/${REGION}/kms`, body: { keyId: remote.keyId }, region: REGION })).toMatchObject({ status: 200 });
    await user.click(screen.getByRole('button', { name: 'Pull' }));
    const alert = await screen.findByRole('alert', {}, { timeout: 30_000 });
    expect(alert.textContent).toMatch(/1 key was reset in JD Cloud.*partner-key: JD Cloud replaced the APIKey and APISecret/s);
    expect(unwrap(await everyAccessKey(backend.api))[0]).toMatchObject({ apiKey: remote.accessKey });
  });

  it('creates a key in JD Cloud from Create Access Key and marks local-only keys', async () => {
    const { user } = await startApp();
    await openJdCloud(user);
    await connectThroughForm(user);
    await screen.findByText('JD Cloud accepted the account');

    await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'Access Key' }));
    await user.click((await screen.findAllByRole('button', { name: 'Create Access Key' }))[0]!);
    const dialog = screen.getByRole('dialog', { name: 'Create Access Key' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'cloud-made');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Create in JD Cloud' }));
    expect((within(dialog).getByRole('combobox', { name: 'Region' }) as HTMLSelectElement).value).toBe(REGION);
    await user.click(within(dialog).getByRole('button', { name: 'Create in JD Cloud' }));

    await screen.findByRole('heading', { level: 1, name: 'cloud-made' });
    const [remoteKey] = emulator.snapshot(REGION).keys;
    expect(remoteKey).toMatchObject({ keyName: 'cloud-made' });
    const info = screen.getByRole('region', { name: 'Basic information' });
    expect(info.textContent).toContain(`JD Cloud key ${remoteKey!.keyId} (${REGION})`);
    expect(info.textContent).toContain('Deleting here does not delete the key in JD Cloud: delete it in the JD Cloud console (API Gateway → Access Keys)');
    const keys = unwrap(await everyAccessKey(backend.api));
    expect(keys).toMatchObject([{ name: 'cloud-made', apiKey: remoteKey!.accessKey, remote: { keyId: remoteKey!.keyId, region: REGION } }]);

    const local = unwrap(await backend.api.accessKeys.create({ name: 'local-made', description: '' }));
    act(() => useAppStore.getState().openAccessKeyDetails(local.id));
    await screen.findByRole('heading', { level: 1, name: 'local-made' });
    expect(screen.getByRole('region', { name: 'Basic information' }).textContent).toContain(
      'Local only: no gateway knows this key’s secret.To use it with JD Cloud API Gateway, create the key in JD Cloud instead.',
    );
    expect(local.remote).toBeUndefined();
  });
});
