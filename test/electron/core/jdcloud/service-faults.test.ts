import { afterEach, describe, expect, it } from 'vitest';
import type { Fault } from '../../../support/jdcloud-emulator';
import { K, N1, startSync, type Sync } from './sync-setup';

// Every injected fault of the emulator, against the real client over HTTP:
// nothing is created twice, nothing planned is lost, and the second plan is empty.
let sync: Sync | undefined;
afterEach(async () => {
  await sync?.cleanup();
  sync = undefined;
});

/** An empty remote with one group in online and test; two local authorizations bound to both. */
async function emptyRemote() {
  sync = await startSync();
  const { jd, emulator, store } = sync;
  emulator.addApiGroup(N1, { groupName: 'orders', publish: ['online', 'test'] });
  await jd.pull({});
  const groupIds = store.read().apiGroups.map((g) => g.id);
  for (const n of [1, 2]) {
    const a = await sync.authorize(K(n), `caller ${n}`);
    await sync.authorizations.setBindings(a.id, groupIds);
  }
  return sync;
}

/** A remote holding K1 (old description, bound to online only) and K2, deleted here since. */
async function nonEmptyRemote() {
  sync = await startSync();
  const { jd, emulator, store } = sync;
  const orders = emulator.addApiGroup(N1, { groupName: 'orders', publish: ['online', 'test'] });
  emulator.addAccessAuth(N1, { accessKey: K(1), description: 'old', deploymentIds: [orders.deployments[0]!.deploymentId] });
  emulator.addAccessAuth(N1, { accessKey: K(2) });
  await jd.pull({ adoptRemote: true });
  const k1 = store.read().authorizations.find((a) => a.callerKey === K(1))!;
  const k2 = store.read().authorizations.find((a) => a.callerKey === K(2))!;
  await sync.authorizations.update(k1.id, 'new');
  await sync.authorizations.setBindings(k1.id, store.read().apiGroups.map((g) => g.id));
  await sync.authorizations.delete(k2.id);
  return sync;
}

async function expectConverged(s: Sync) {
  expect((await s.jd.plan()).items).toEqual([]);
  const keys = s.emulator.snapshot(N1).authorizations.map((a) => a.accessKey);
  expect(keys.length).toBe(new Set(keys).size); // no duplicate authorization of a key
}

const creates: Array<[string, Fault]> = [
  ['429 with Retry-After on a write', { operation: 'createAccessAuth', kind: 'status', status: 429, retryAfterSeconds: 7 }],
  ['429 on a read', { operation: 'queryAccessAuths', kind: 'status', status: 429, times: 2 }],
  ['500 on a read', { operation: 'describeApiGroups', kind: 'status', status: 500, times: 2 }],
  ['503 on a read', { operation: 'describeDeployments', kind: 'status', status: 503 }],
  ['500 on createAccessAuth', { operation: 'createAccessAuth', kind: 'status', status: 500 }],
  ['503 on bindGroupAuth', { operation: 'bindGroupAuth', kind: 'status', status: 503 }],
  ['a dropped connection after createAccessAuth applied', { operation: 'createAccessAuth', kind: 'dropAfterApply' }],
  ['a dropped connection after createAccessAuth applied, twice', { operation: 'createAccessAuth', kind: 'dropAfterApply', times: 2 }],
  ['500 after createAccessAuth applied', { operation: 'createAccessAuth', kind: 'statusAfterApply', status: 500 }],
  ['a dropped connection after bindGroupAuth applied', { operation: 'bindGroupAuth', kind: 'dropAfterApply' }],
  ['503 after bindGroupAuth applied', { operation: 'bindGroupAuth', kind: 'statusAfterApply', status: 503 }],
  ['a dropped connection before createAccessAuth applied', { operation: 'createAccessAuth', kind: 'dropBeforeApply' }],
  ['a dropped connection before bindGroupAuth applied', { operation: 'bindGroupAuth', kind: 'dropBeforeApply' }],
  ['a dropped connection on checkAuthExist after an unclear create', { operation: 'checkAuthExist', kind: 'dropBeforeApply' }],
  ['a delay', { operation: 'createAccessAuth', kind: 'delay', ms: 200, times: 2 }],
];

describe('apply on an empty remote, with a fault', () => {
  it.each(creates)('%s: each authorization is created once, bound, and the plan converges', async (_name, fault) => {
    const s = await emptyRemote();
    // The checkAuthExist fault needs an unclear create first.
    if (fault.operation === 'checkAuthExist') s.emulator.inject({ operation: 'createAccessAuth', kind: 'dropAfterApply' });
    s.emulator.inject(fault);
    const report = await s.jd.apply('all');
    expect(report.counts).toEqual({ applied: 2, alreadyDone: 0, failed: 0, notRun: 0 });
    expect(s.emulator.pendingFaults()).toEqual([]);
    expect(s.emulator.count('createAccessAuth', { applied: true })).toBe(2);
    const remote = s.emulator.snapshot(N1).authorizations;
    expect(remote.map((a) => [a.accessKey, a.deploymentIds.length]).sort()).toEqual([
      [K(1), 2],
      [K(2), 2],
    ]);
    expect(s.store.read().authorizations.every((a) => a.remote?.length === 1)).toBe(true);
    if (fault.kind === 'status' && fault.retryAfterSeconds) expect(s.sleeps).toContain(fault.retryAfterSeconds * 1000);
    await expectConverged(s);
  });
});

const changes: Array<[string, Fault]> = [
  ['500 on updateAccessAuth', { operation: 'updateAccessAuth', kind: 'status', status: 500 }],
  ['a dropped connection after updateAccessAuth applied', { operation: 'updateAccessAuth', kind: 'dropAfterApply' }],
  ['503 after bindGroupAuth applied', { operation: 'bindGroupAuth', kind: 'statusAfterApply', status: 503 }],
  ['a dropped connection after deleteAccessAuth applied', { operation: 'deleteAccessAuth', kind: 'dropAfterApply' }],
  ['500 after deleteAccessAuth applied', { operation: 'deleteAccessAuth', kind: 'statusAfterApply', status: 500 }],
  ['a dropped connection before deleteAccessAuth applied', { operation: 'deleteAccessAuth', kind: 'dropBeforeApply' }],
  ['429 on deleteAccessAuth', { operation: 'deleteAccessAuth', kind: 'status', status: 429 }],
  ['503 on a read of the bound deployments', { operation: 'queryBindGroupAuth', kind: 'status', status: 503, times: 2 }],
  ['a delay on a write', { operation: 'bindGroupAuth', kind: 'delay', ms: 200 }],
];

describe('apply on a non-empty remote, with a fault', () => {
  it.each(changes)('%s: the change lands once and the tombstone goes', async (_name, fault) => {
    const s = await nonEmptyRemote();
    s.emulator.inject(fault);
    const report = await s.jd.apply('all');
    expect(report.results.map((r) => [r.itemId, r.outcome])).toEqual([
      [`${N1}/updateDescription/${K(1)}`, 'applied'],
      [`${N1}/setBindings/${K(1)}`, 'applied'],
      [`${N1}/deleteAuthorization/${K(2)}`, 'applied'],
    ]);
    expect(s.emulator.pendingFaults()).toEqual([]);
    const remote = s.emulator.snapshot(N1).authorizations;
    expect(remote).toHaveLength(1);
    expect(remote[0]).toMatchObject({ accessKey: K(1), description: 'new' });
    expect(remote[0]!.deploymentIds).toHaveLength(2);
    expect(s.store.read().jdcloud.deletedAuthorizations).toEqual([]);
    await expectConverged(s);
  });
});

describe('failures and cancelling', () => {
  it('an item that keeps failing is reported with its requestIds; the others apply, and the next apply finishes it', async () => {
    const s = await emptyRemote();
    s.emulator.inject({ operation: 'createAccessAuth', kind: 'status', status: 503, times: 50 });
    const first = await s.jd.apply('all');
    expect(first.counts).toMatchObject({ failed: 2 });
    for (const result of first.results) {
      expect(result.error).toMatchObject({ reason: expect.stringMatching(/^jd/) });
      expect(result.requestIds.length).toBeGreaterThan(0);
    }
    expect(s.emulator.count('createAccessAuth', { applied: true })).toBe(0);
    s.emulator.clearFaults();
    expect((await s.jd.apply('all')).counts.applied).toBe(2);
    await expectConverged(s);
  });

  it('a create whose outcome stays unclear is not retried past the attempts, and never duplicated', async () => {
    const s = await emptyRemote();
    s.emulator.inject({ operation: 'createAccessAuth', kind: 'dropBeforeApply', times: 50 });
    const report = await s.jd.apply([`${N1}/createAuthorization/${K(1)}`]);
    expect(report.results).toMatchObject([{ outcome: 'failed', attempts: 3, error: { reason: 'jdNotResolved' } }]);
    expect(s.emulator.count('createAccessAuth', { applied: true })).toBe(0);
    s.emulator.clearFaults();
    await s.jd.apply('all');
    await expectConverged(s);
  });

  it('cancel mid-apply stops starting items, leaves a consistent record, and a second apply does the rest', async () => {
    sync = await startSync({ concurrency: 2 });
    const { emulator, store } = sync;
    emulator.addApiGroup(N1, { groupName: 'orders', publish: ['online'] });
    await sync.jd.pull({});
    const group = store.read().apiGroups[0]!;
    for (let n = 1; n <= 8; n += 1) {
      const a = await sync.authorize(K(n));
      await sync.authorizations.setBindings(a.id, [group.id]);
    }
    emulator.inject({ operation: 'createAccessAuth', kind: 'delay', ms: 150, times: 8 });
    let cancelled = false;
    const jd = sync.make({
      concurrency: 2,
      onProgress: (p) => {
        if (p.done === 2 && !cancelled) cancelled = jd.cancelApply().cancelling;
      },
    });
    const report = await jd.apply('all');
    expect(report.cancelled).toBe(true);
    const applied = report.results.filter((r) => r.outcome === 'applied');
    const notRun = report.results.filter((r) => r.outcome === 'notRun');
    expect(applied.length).toBeGreaterThanOrEqual(2);
    expect(applied.length).toBeLessThan(8);
    expect(applied.length + notRun.length).toBe(8);
    // What was applied is linked in the store; what was not run is not, and is not in the gateway.
    const linked = store.read().authorizations.filter((a) => a.remote?.length);
    expect(linked).toHaveLength(applied.length);
    expect(emulator.snapshot(N1).authorizations).toHaveLength(applied.length);
    expect(await jd.lastApply()).toEqual(report);

    emulator.clearFaults();
    const rest = await jd.apply('all');
    expect(rest.counts).toEqual({ applied: notRun.length, alreadyDone: 0, failed: 0, notRun: 0 });
    expect(emulator.count('createAccessAuth', { applied: true })).toBe(8);
    await expectConverged(sync);
  });
});
