import { afterEach, describe, expect, it } from 'vitest';
import { K, N1, startSync, type Sync } from './sync-setup';

// What the user may do here while an apply runs: the gateway and the store must still agree afterwards.
let sync: Sync | undefined;
afterEach(async () => {
  await sync?.cleanup();
  sync = undefined;
});

describe('changes here during an apply', () => {
  it('an authorization deleted while its create is in flight is deleted there by the next apply', async () => {
    sync = await startSync();
    const { jd, emulator, store } = sync;
    emulator.addApiGroup(N1, { groupName: 'orders', publish: ['online'] });
    await jd.pull({});
    const authorization = await sync.authorize(K(7), 'short-lived');
    await sync.authorizations.setBindings(authorization.id, store.read().apiGroups.map((g) => g.id));
    // The gateway holds the create's reply long enough for the user to delete the authorization here.
    emulator.inject({ operation: 'createAccessAuth', kind: 'delay', ms: 1_500 });

    const applying = jd.apply('all');
    await expect.poll(() => emulator.count('createAccessAuth')).toBe(1);
    await sync.authorizations.delete(authorization.id);
    const report = await applying;
    expect(report.counts.applied).toBe(1);
    expect(emulator.snapshot(N1).authorizations.map((a) => a.accessKey)).toEqual([K(7)]);

    // The create landed after the delete here: remembered as one to delete there.
    expect(store.read().jdcloud.deletedAuthorizations).toEqual([expect.objectContaining({ region: N1, apiKey: K(7) })]);
    const plan = await jd.plan();
    expect(plan.items.map((item) => item.action)).toEqual(['deleteAuthorization']);
    expect((await jd.apply('all')).counts.applied).toBe(1);
    expect(emulator.snapshot(N1).authorizations).toEqual([]);
    expect((await jd.plan()).items).toEqual([]);
    expect(store.read().jdcloud.deletedAuthorizations).toEqual([]);
  });

  it("a description change and a rebind of one authorization are sent one after the other, never side by side", async () => {
    sync = await startSync({ concurrency: 4 });
    const { jd, emulator, store } = sync;
    emulator.addApiGroup(N1, { groupName: 'orders', publish: ['online', 'test'] });
    await jd.pull({});
    const [online, test] = store.read().apiGroups;
    const authorization = await sync.authorize(K(8), 'before');
    await sync.authorizations.setBindings(authorization.id, [online!.id]);
    await jd.apply('all');

    await sync.authorizations.update(authorization.id, 'after');
    await sync.authorizations.setBindings(authorization.id, [online!.id, test!.id]);
    const plan = await jd.plan();
    expect(plan.items.map((item) => item.action).sort()).toEqual(['setBindings', 'updateDescription']);
    // Whichever goes first is held at the gateway; the other must not start before it is answered.
    emulator.inject({ operation: 'updateAccessAuth', kind: 'delay', ms: 800 });
    emulator.inject({ operation: 'bindGroupAuth', kind: 'delay', ms: 800 });
    const report = await jd.apply('all');
    expect(report.counts.applied).toBe(2);

    const writes = emulator.requests.filter((r) => r.operation === 'updateAccessAuth' || r.operation === 'bindGroupAuth').slice(-2);
    expect(writes).toHaveLength(2);
    const [first, second] = writes.sort((a, b) => a.at - b.at);
    // The second arrived only after the first had waited out its delay and been answered.
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(800);
    const remote = emulator.snapshot(N1).authorizations[0]!;
    expect(remote.description).toBe('after');
    expect(remote.deploymentIds).toHaveLength(2);
  });
});

describe('a key made in JD Cloud that cannot be kept here', () => {
  it('names the keyId and says to pull it, and Pull with keys brings it in with its secret', async () => {
    sync = await startSync();
    const { jd, emulator, store, secrets } = sync;
    emulator.inject({ operation: 'createKey', kind: 'delay', ms: 1_500 });
    const creating = jd.createKey({ name: 'mobile', description: '', region: N1 });
    await expect.poll(() => emulator.count('createKey')).toBe(1);
    // Meanwhile another window takes the name here.
    const at = new Date().toISOString();
    await store.update((draft) => {
      draft.accessKeys.push({ id: 'aaaaaaaaaaaa', name: 'mobile', description: '', apiKey: K(99), createdAt: at, updatedAt: at });
    });

    const remoteKey = () => emulator.snapshot(N1).keys[0]!;
    await expect(creating).rejects.toMatchObject({ code: 'GATEWAY_FAILED', reason: 'jdKeyCreatedNotKept', params: { keyId: expect.any(String) } });
    await creating.catch((error: { params: { keyId: string }; message: string }) => {
      expect(error.params.keyId).toBe(remoteKey().keyId);
      expect(error.message).toMatch(/Do not create it again.*Pull/);
    });
    expect(emulator.count('createKey')).toBe(1);
    // Nothing of it was kept: no record, no keychain entry under its keyId.
    expect(store.read().accessKeys.map((key) => key.name)).toEqual(['mobile']);
    expect(await secrets.has(remoteKey().keyId)).toBe(false);

    const report = await jd.pull({ keys: true });
    expect(report.keys).toMatchObject({ created: 1 });
    const kept = store.read().accessKeys.find((key) => key.remote?.keyId === remoteKey().keyId)!;
    expect(kept.name).not.toBe('mobile');
    expect(await secrets.get(kept.id)).toMatch(/^[0-9A-Fa-f]{32}$/);
  });
});

describe('the gateway refusing the account part-way', () => {
  it('stops the apply at the first refusal, sends nothing more, and says why', async () => {
    sync = await startSync({ concurrency: 1 });
    const { jd, emulator, store } = sync;
    emulator.addApiGroup(N1, { groupName: 'orders', publish: ['online'] });
    await jd.pull({});
    const groupIds = store.read().apiGroups.map((g) => g.id);
    for (const n of [1, 2, 3, 4, 5]) {
      const authorization = await sync.authorize(K(n));
      await sync.authorizations.setBindings(authorization.id, groupIds);
    }
    emulator.inject({ operation: 'createAccessAuth', kind: 'delay', ms: 1_000 });
    const applying = jd.apply('all');
    await expect.poll(() => emulator.count('createAccessAuth')).toBe(1);
    // The account loses its API Gateway permission while the first create is in flight.
    emulator.setAllowed(emulator.account.accessKey, false);
    const sentBefore = emulator.requests.length;
    const report = await applying;

    expect(report.stoppedBy).toMatchObject({ reason: 'jdForbidden' });
    expect(report.counts).toEqual({ applied: 0, alreadyDone: 0, failed: 1, notRun: 4 });
    // Only the first item's bind went out after the refusal began: the other four were never sent.
    expect(emulator.requests.length - sentBefore).toBe(1);
    expect(emulator.count('createAccessAuth')).toBe(1);
  });
});
