import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createJdcloudService } from '../../../../electron/core/jdcloud/service';
import { APPLY_JOURNAL_FILE } from '../../../../electron/core/jdcloud/sync/apply-journal';
import { sendRequest } from '../../../../electron/adapters/http/send-request';
import { MetadataStore } from '../../../../electron/storage/metadata-store';
import { planInputOf } from '../../../../electron/core/jdcloud/sync/plan-input';
import { E2, K, N1, startSync, type Sync } from './sync-setup';

let sync: Sync | undefined;
afterEach(async () => {
  await sync?.cleanup();
  sync = undefined;
});

describe('JD Cloud account', () => {
  it('keeps the SecretKey in the keychain only, and checks the connection with one signed read per region', async () => {
    sync = await startSync({ regions: [N1, E2] });
    const { jd, emulator } = sync;
    expect(jd.getAccount()).toMatchObject({ accessKeyId: emulator.account.accessKey, regions: [N1, E2], endpoint: emulator.endpoint, secretKeySource: 'keychain' });
    expect(await sync.accountSecrets.get(emulator.account.accessKey)).toBe(emulator.account.secretKey);
    expect(await sync.storeText()).not.toContain(emulator.account.secretKey);

    emulator.addApiGroup(N1, { groupName: 'orders', publish: ['online'] });
    const checked = await jd.checkConnection();
    expect(checked.regions.map((r) => [r.region, r.apiGroups])).toEqual([
      [N1, 1],
      [E2, 0],
    ]);
    for (const r of checked.regions) expect(r.requestId).not.toBe('');
    expect(emulator.requests.every((r) => r.signature === 'valid')).toBe(true);

    await jd.disconnect();
    expect(jd.getAccount()).toBeNull();
    expect(await sync.accountSecrets.get(emulator.account.accessKey)).toBeNull();
    await expect(jd.plan()).rejects.toMatchObject({ code: 'NOT_FOUND', reason: 'jdNotConnected' });
  });

  it('connecting another AccessKey removes the previous one\'s keychain entry; a missing entry is named', async () => {
    sync = await startSync();
    const { jd, emulator } = sync;
    await jd.connect({ accessKeyId: 'OTHERAK', secretKey: 'othersecret', regions: [N1], endpoint: emulator.endpoint });
    expect(await sync.accountSecrets.get(emulator.account.accessKey)).toBeNull();
    expect(await sync.accountSecrets.get('OTHERAK')).toBe('othersecret');
    await sync.accountSecrets.delete('OTHERAK');
    await expect(jd.plan()).rejects.toMatchObject({ code: 'SECRET_MISSING', reason: 'jdSecretKeyMissing', params: { accessKeyId: 'OTHERAK' } });
    await expect(jd.connect({ accessKeyId: 'x', secretKey: 'y', regions: [N1], endpoint: 'http://example.com' })).rejects.toMatchObject({ code: 'INVALID_INPUT', reason: 'invalidField', params: { field: 'endpoint' } });
  });

  it('wrong credentials fail as GATEWAY_AUTH_FAILED, with no secret in the error', async () => {
    sync = await startSync({ connect: false });
    const { jd, emulator } = sync;
    await jd.connect({ accessKeyId: emulator.account.accessKey, secretKey: 'WRONG-SECRET-0000', regions: [N1], endpoint: emulator.endpoint });
    const failure = await jd.checkConnection().catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'GATEWAY_AUTH_FAILED', reason: 'jdAuthRefused' });
    expect(JSON.stringify({ ...(failure as object), message: (failure as Error).message })).not.toContain('WRONG-SECRET-0000');
    await expect(jd.apply('all')).rejects.toMatchObject({ code: 'GATEWAY_AUTH_FAILED' });
    // An environment override wins over the stored account (the CLI's GATEKEY_JDCLOUD_* variables).
    const fromEnv = sync.make({ override: { accessKeyId: emulator.account.accessKey, secretKey: emulator.account.secretKey } });
    expect(fromEnv.getAccount()).toMatchObject({ secretKeySource: 'environment' });
    expect((await fromEnv.checkConnection()).regions).toHaveLength(1);
  });
});

describe('pull', () => {
  it('links local groups per environment, adds published ones, and links or adopts authorizations', async () => {
    sync = await startSync();
    const { jd, emulator, groups, store } = sync;
    const orders = emulator.addApiGroup(N1, { groupName: 'Orders', publish: ['online', 'test'] });
    const billing = emulator.addApiGroup(N1, { groupName: 'billing', publish: [] });
    const localOrders = await groups.create({ name: 'orders', description: '', region: N1, environment: 'online', host: 'mine.cn-north-1.jdcloud-api.net' });
    const localBillingPreview = await groups.create({ name: 'Billing', description: '', region: N1, environment: 'preview', host: 'b.cn-north-1.jdcloud-api.net' });
    const known = await sync.authorize(K(1), 'known');
    const online = orders.deployments.find((d) => d.environment === 'online')!;
    const test = orders.deployments.find((d) => d.environment === 'test')!;
    const r1 = emulator.addAccessAuth(N1, { accessKey: K(1), deploymentIds: [online.deploymentId] });
    const r2 = emulator.addAccessAuth(N1, { accessKey: K(2), description: 'from console', deploymentIds: [test.deploymentId] });

    const report = await jd.pull({});
    expect(report).toMatchObject({ regions: [N1], groups: { linked: 1, created: 1, unpublished: 1 }, authorizations: { linked: 1, adopted: 0, remoteOnly: 1, localOnly: 0 } });
    expect(report.requestIds.length).toBeGreaterThan(3);
    const data = store.read();
    expect(data.apiGroups.find((g) => g.id === localOrders.id)?.remote).toEqual({ apiGroupId: orders.apiGroupId, deploymentId: online.deploymentId });
    expect(data.apiGroups.find((g) => g.id === localBillingPreview.id)?.remote).toEqual({ apiGroupId: billing.apiGroupId });
    const created = data.apiGroups.find((g) => g.environment === 'test')!;
    const [label, ...rest] = orders.domain.split('.');
    expect(created).toMatchObject({ name: 'Orders', region: N1, host: [`${label}-test`, ...rest].join('.'), remote: { apiGroupId: orders.apiGroupId, deploymentId: test.deploymentId } });
    expect(data.authorizations.find((a) => a.id === known.id)?.remote).toEqual([{ region: N1, accessAuthId: r1 }]);

    const adopted = await jd.pull({ adoptRemote: true });
    expect(adopted.authorizations).toEqual({ linked: 1, adopted: 1, remoteOnly: 0, localOnly: 0 });
    const newAuth = store.read().authorizations.find((a) => a.callerKey === K(2))!;
    expect(newAuth).toMatchObject({ callerKeyKind: 'apiKey', description: 'from console', remote: [{ region: N1, accessAuthId: r2 }] });
    expect(store.read().bindings.filter((b) => b.authorizationId === newAuth.id).map((b) => b.groupId)).toEqual([created.id]);
    // Pulling again changes nothing: same groups, nothing to plan.
    await jd.pull({ adoptRemote: true });
    expect(store.read().apiGroups).toHaveLength(3);
    expect(store.read().authorizations).toHaveLength(2);
  });
});

describe('plan and apply', () => {
  it('plans on an empty remote, applies, and plans nothing the second time', async () => {
    sync = await startSync({ regions: [N1, E2] });
    const { jd, emulator, store } = sync;
    emulator.addApiGroup(N1, { groupName: 'orders', publish: ['online', 'test'] });
    emulator.addApiGroup(E2, { groupName: 'east', publish: ['online'] });
    await jd.pull({});
    const groupIds = store.read().apiGroups.map((g) => g.id);
    const a1 = await sync.authorize(K(1), 'first');
    const a2 = await sync.authorize(K(2), 'second');
    await sync.authorizations.setBindings(a1.id, groupIds);
    await sync.authorizations.setBindings(a2.id, groupIds.slice(0, 1));
    const before = emulator.requests.length;

    const plan = await jd.plan();
    // Reads only.
    expect(emulator.requests.slice(before).every((r) => r.method === 'GET')).toBe(true);
    expect(plan.counts).toEqual({ createAuthorization: 3, updateDescription: 0, setBindings: 0, deleteAuthorization: 0 });
    expect(plan.items.map((i) => i.id)).toEqual([`${E2}/createAuthorization/${K(1)}`, `${N1}/createAuthorization/${K(1)}`, `${N1}/createAuthorization/${K(2)}`]);

    const report = await jd.apply(plan.items.map((i) => i.id));
    expect(report.counts).toEqual({ applied: 3, alreadyDone: 0, failed: 0, notRun: 0 });
    expect(report.cancelled).toBe(false);
    for (const result of report.results) expect(result.requestIds.length).toBeGreaterThanOrEqual(1);
    const north = emulator.snapshot(N1).authorizations.sort((a, b) => a.accessKey.localeCompare(b.accessKey));
    expect(north.map((a) => [a.accessKey, a.description, a.deploymentIds.length])).toEqual([
      [K(1), 'first', 2],
      [K(2), 'second', 1],
    ]);
    expect(emulator.snapshot(E2).authorizations.map((a) => a.accessKey)).toEqual([K(1)]);
    // Links recorded in the store.
    expect(store.read().authorizations.find((a) => a.id === a1.id)?.remote?.map((l) => l.region).sort()).toEqual([E2, N1]);
    expect(sync.progress.filter((p) => p.task === 'jdApply').at(-1)).toEqual({ task: 'jdApply', done: 3, total: 3, failed: 0 });

    const again = await jd.plan();
    expect(again.items).toEqual([]);
    expect(again.remoteOnly).toEqual([]);
    const writes = emulator.count('*', (r) => r.method !== 'GET');
    const second = await jd.apply('all');
    expect(second.results).toEqual([]);
    expect(emulator.count('*', (r) => r.method !== 'GET')).toBe(writes);
    // Items of the old plan are already done now.
    const stale = await jd.apply([plan.items[0]!.id]);
    expect(stale.results).toEqual([{ itemId: plan.items[0]!.id, outcome: 'alreadyDone', requestIds: [], attempts: 0 }]);

    expect(await jd.lastApply()).toEqual(stale);
    const lines = (await readFile(join(sync.dir, APPLY_JOURNAL_FILE), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[0]!)).toEqual(report);
  });

  it('on a non-empty remote: updates descriptions, rebinds, deletes tombstoned ones, never remote-only ones', async () => {
    sync = await startSync();
    const { jd, emulator, store } = sync;
    const orders = emulator.addApiGroup(N1, { groupName: 'orders', publish: ['online', 'test'] });
    const online = orders.deployments.find((d) => d.environment === 'online')!.deploymentId;
    const test = orders.deployments.find((d) => d.environment === 'test')!.deploymentId;
    emulator.addAccessAuth(N1, { accessKey: K(1), description: 'old', deploymentIds: [online] });
    emulator.addAccessAuth(N1, { accessKey: K(2), deploymentIds: [online] });
    const foreign = emulator.addAccessAuth(N1, { accessKey: K(9), description: 'console only' });
    await jd.pull({ adoptRemote: false });
    await jd.pull({}); // idempotent
    const testGroup = store.read().apiGroups.find((g) => g.environment === 'test')!;
    const a1 = await sync.authorize(K(1), 'new');
    await sync.authorizations.setBindings(a1.id, [testGroup.id]);
    const a2 = await sync.authorize(K(2));
    await jd.pull({}); // links a2 (and a1) to their remote ones
    await sync.authorizations.delete(a2.id);
    expect(store.read().jdcloud.deletedAuthorizations).toMatchObject([{ region: N1, apiKey: K(2) }]);

    const plan = await jd.plan();
    expect(plan.items.map((i) => i.id)).toEqual([`${N1}/updateDescription/${K(1)}`, `${N1}/setBindings/${K(1)}`, `${N1}/deleteAuthorization/${K(2)}`]);
    expect(plan.items[1]).toMatchObject({ bind: [{ deploymentId: test, environment: 'test' }], unbind: [{ deploymentId: online, environment: 'online' }], deploymentIds: [test] });
    expect(plan.remoteOnly).toEqual([{ region: N1, accessAuthId: foreign, accessKey: K(9), description: 'console only' }]);

    const report = await jd.apply('all');
    expect(report.counts.applied).toBe(3);
    const remote = emulator.snapshot(N1).authorizations;
    expect(remote.map((a) => a.accessKey).sort()).toEqual([K(1), K(9)]);
    expect(remote.find((a) => a.accessKey === K(1))).toMatchObject({ description: 'new', deploymentIds: [test] });
    expect(store.read().jdcloud.deletedAuthorizations).toEqual([]);
    expect((await jd.plan()).items).toEqual([]);
  });

  it('names what it cannot apply, applies the rest, and a state file leaves the store untouched', async () => {
    sync = await startSync();
    const { jd, emulator, store, groups } = sync;
    const open = emulator.addApiGroup(N1, { groupName: 'open', publish: ['online'], authType: 'None' });
    emulator.addApiGroup(N1, { groupName: 'orders', publish: ['online'] });
    await jd.pull({});
    const local = await groups.create({ name: 'local-only', description: '', region: N1, environment: 'online', host: 'x.cn-north-1.jdcloud-api.net' });
    const a = await sync.authorize(K(1));
    await sync.authorizations.setBindings(a.id, store.read().apiGroups.map((g) => g.id));
    const byId = await sync.authorizations.create({ callerKey: { kind: 'accessKeyId', value: 'a280dc988b22' }, description: '' });
    await sync.authorizations.setBindings(byId.id, [local.id]);

    const plan = await jd.plan();
    expect(plan.unapplicable.map((u) => [u.reason, u.name]).sort()).toEqual([
      ['apiKeyUnknown', 'a280dc988b22'],
      ['groupAuthorizationOff', 'open'],
      ['groupNotPulled', 'local-only'],
    ]);
    expect(open.apiGroupId).toBeTruthy();
    expect(plan.items.map((i) => [i.action, i.deploymentIds.length])).toEqual([['createAuthorization', 1]]);

    // The same plan from a state file: applied to the gateway, the store gets no link.
    const source = planInputOf(store.read());
    const before = await sync.storeText();
    const report = await jd.apply('all', source);
    expect(report.counts.applied).toBe(1);
    expect(await sync.storeText()).toBe(before);
    expect((await jd.plan(source)).items).toEqual([]);
  });

  it('an authorization unbound from every group here is unbound there too, and stays', async () => {
    sync = await startSync();
    const { jd, emulator, store } = sync;
    emulator.addApiGroup(N1, { groupName: 'orders', publish: ['online'] });
    await jd.pull({});
    expect(await jd.lastApply()).toBeNull();
    const a = await sync.authorize(K(1));
    await sync.authorizations.setBindings(a.id, [store.read().apiGroups[0]!.id]);
    await jd.apply('all');
    expect(emulator.snapshot(N1).authorizations[0]!.deploymentIds).toHaveLength(1);
    await sync.authorizations.setBindings(a.id, []);
    const plan = await jd.plan();
    expect(plan.items).toMatchObject([{ action: 'setBindings', bind: [], unbind: [{ groupName: 'orders' }], deploymentIds: [] }]);
    expect((await jd.apply('all')).counts.applied).toBe(1);
    expect(emulator.snapshot(N1).authorizations).toMatchObject([{ accessKey: K(1), deploymentIds: [] }]);
    expect((await jd.plan()).items).toEqual([]);
  });

  it('after a redeploy (a new deploymentId, bindings dropped) plans the binding again, and pull relinks the group', async () => {
    sync = await startSync();
    const { jd, emulator, store } = sync;
    const orders = emulator.addApiGroup(N1, { groupName: 'orders', publish: ['online'] });
    await jd.pull({});
    const a = await sync.authorize(K(1));
    await sync.authorizations.setBindings(a.id, [store.read().apiGroups[0]!.id]);
    await jd.apply('all');
    const redeployed = emulator.publish(N1, orders.apiGroupId, 'online');
    expect(emulator.snapshot(N1).authorizations[0]!.deploymentIds).toEqual([]);
    expect((await jd.plan()).items).toMatchObject([{ action: 'setBindings', bind: [{ deploymentId: redeployed.deploymentId }] }]);
    await jd.pull({});
    expect(store.read().apiGroups[0]!.remote).toEqual({ apiGroupId: orders.apiGroupId, deploymentId: redeployed.deploymentId });
    await jd.apply('all');
    expect(emulator.snapshot(N1).authorizations[0]!.deploymentIds).toEqual([redeployed.deploymentId]);
  });

  it('applies from a read-only store (the CLI beside a running app) without writing it', async () => {
    sync = await startSync();
    const { jd, emulator, store } = sync;
    emulator.addApiGroup(N1, { groupName: 'orders', publish: ['online'] });
    await jd.pull({});
    const a = await sync.authorize(K(1));
    await sync.authorizations.setBindings(a.id, [store.read().apiGroups[0]!.id]);
    const before = await sync.storeText();
    const readOnly = await MetadataStore.open(join(sync.dir, 'gatekey-store.json'), { readOnly: true });
    try {
      const cli = createJdcloudService({ store: readOnly, secrets: sync.secrets, accountSecrets: sync.accountSecrets, send: (o) => sendRequest(o), dataDir: sync.dir, sleep: async () => undefined });
      expect((await cli.apply('all')).counts.applied).toBe(1);
      expect((await cli.plan()).items).toEqual([]);
      expect(await sync.storeText()).toBe(before);
    } finally {
      await readOnly.close();
    }
  });

  it('refuses a second apply while one runs, and item IDs that are not plan items', async () => {
    sync = await startSync();
    const { jd, emulator, store } = sync;
    emulator.addApiGroup(N1, { groupName: 'orders', publish: ['online'] });
    await jd.pull({});
    const a = await sync.authorize(K(1));
    await sync.authorizations.setBindings(a.id, [store.read().apiGroups[0]!.id]);
    emulator.inject({ operation: 'createAccessAuth', kind: 'delay', ms: 300 });
    const first = jd.apply('all');
    await expect(jd.apply('all')).rejects.toMatchObject({ code: 'RATE_LIMITED', reason: 'jdApplyRunning' });
    expect((await first).counts.applied).toBe(1);
    await expect(jd.apply(['not an item'])).rejects.toMatchObject({ code: 'INVALID_INPUT', reason: 'jdPlanItemUnknown', params: { itemId: 'not an item' } });
    expect(jd.cancelApply()).toEqual({ cancelling: false });
  });
});
