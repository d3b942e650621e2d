import { join } from 'node:path';
import keytar from 'keytar';
import { afterEach, describe, expect, it } from 'vitest';
import { STORE_FILE_NAME } from '../../../electron/ipc/backend';
import type { MainEvent } from '../../../electron/ipc/contract';
import { startTestBackend, type TestBackend } from '../../support/test-backend';
import { startVerifyingGateway, type VerifyingGateway } from '../../support/verifying-gateway';
import { everyAccessKey, everyAuthorization } from '../../support/every-record';
import { blockSaves } from '../../support/store-files';

// Main's events from the real backend (store on disk in a temp folder, real keychain),
// recorded as the window would receive them.

const started: TestBackend[] = [];
let gateway: VerifyingGateway | undefined;
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
  for (const backend of started.splice(0).reverse()) await backend.cleanup();
});

async function backendWithLog(options: Parameters<typeof startTestBackend>[0] = {}) {
  const backend = await startTestBackend(options);
  started.push(backend);
  const log: MainEvent[] = [];
  backend.events.subscribe((event) => log.push(event));
  /** The events since the last call of `take`. */
  const take = () => log.splice(0);
  return { backend, api: backend.api, log, take };
}

const dataChanged = (events: MainEvent[]) => events.filter((e) => e.type === 'dataChanged').map((e) => e.data);

function ok<T>(result: { ok: true; data: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

const group = (name: string) => ({ name, description: '', region: 'cn-north-1', environment: 'test' as const, host: 'xv3xbwah945y.cn-north-1.jdcloud-api.net' });

describe('dataChanged after a writing call', () => {
  it('names every topic that shows what the call changed, once, before the reply', async () => {
    const { api, take } = await backendWithLog();
    const key = ok(await api.accessKeys.create({ name: 'payments', description: '' }));
    // An authorization shows its local key's name: both topics.
    expect(dataChanged(take())).toEqual([{ topics: ['accessKeys', 'authorizations'], elsewhere: false }]);

    const orders = ok(await api.apiGroups.create(group('orders')));
    expect(dataChanged(take())).toEqual([{ topics: ['accessKeys', 'apiGroups', 'authorizations'], elsewhere: false }]);

    const authorization = ok(await api.authorizations.create({ callerKey: key.id, description: '' }));
    expect(dataChanged(take())).toEqual([{ topics: ['accessKeys', 'authorizations'], elsewhere: false }]);

    // A binding: the authorization's groups, the group's count, the key's grants.
    ok(await api.authorizations.setBindings({ id: authorization.id, groupIds: [orders.id] }));
    expect(dataChanged(take())).toEqual([{ topics: ['accessKeys', 'apiGroups', 'authorizations'], elsewhere: false }]);

    // Deleting a bound group unbinds it: the authorizations list changes too.
    expect(ok(await api.apiGroups.delete({ id: orders.id }))).toMatchObject({ unboundAuthorizations: 1 });
    expect(dataChanged(take())).toEqual([{ topics: ['accessKeys', 'apiGroups', 'authorizations'], elsewhere: false }]);
  });

  it('says nothing for calls that only read, nor for a write that was refused', async () => {
    const { api, take } = await backendWithLog();
    const key = ok(await api.accessKeys.create({ name: 'payments', description: '' }));
    take();
    ok(await everyAccessKey(api));
    ok(await api.accessKeys.get({ id: key.id }));
    ok(await api.accessKeys.listGrants({ id: key.id }));
    ok(await everyAuthorization(api));
    ok(await api.app.getStatus({}));
    ok(await api.keychain.reconcile({}));
    expect(await api.accessKeys.create({ name: 'payments', description: '' })).toMatchObject({ ok: false, error: { code: 'NAME_TAKEN' } });
    expect(await api.accessKeys.update({ id: 'ffffffffffff', name: 'x', description: '' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(dataChanged(take())).toEqual([]);
  });

  it('reports an import’s progress item by item, then one dataChanged', async () => {
    const { backend, api, take } = await backendWithLog();
    // Handoff text from another Gatekey: the caller's side of the exchange.
    const caller = await startTestBackend();
    started.push(caller);
    const candidates = [];
    for (const name of ['one', 'two', 'three']) {
      const key = ok(await caller.api.accessKeys.create({ name, description: '' }));
      ok(await caller.api.keyFiles.copyHandoffText({ id: key.id }));
      candidates.push({ source: name, kind: 'handoff' as const, text: caller.clipboard.text });
    }
    candidates.push({ source: 'junk', kind: 'handoff' as const, text: 'not a handoff' });

    const summary = ok(await api.keyFiles.import({ candidates }));
    expect(summary.created).toHaveLength(3);
    const events = take();
    expect(events.filter((e) => e.type === 'progress').map((e) => e.data)).toEqual(
      [0, 1, 2, 3, 4].map((done) => ({ task: 'importKeys', done, total: 4 })),
    );
    expect(events.at(-1)).toEqual({ type: 'dataChanged', data: { topics: ['accessKeys', 'authorizations'], elsewhere: false } });
    expect(backend.store.read().authorizations).toHaveLength(3);
  });
});

describe('storeStatus', () => {
  it('tells the window a change is not saved yet, and when it is', async () => {
    const { backend, api, take } = await backendWithLog();
    ok(await api.app.dismissWelcome({}));
    expect(take().filter((e) => e.type === 'storeStatus')).toEqual([]); // saved as before: nothing to tell
    const unblock = await blockSaves(backend.dataDir);

    ok(await api.accessKeys.create({ name: 'kept-in-memory', description: '' }));
    const unsaved = take().filter((e) => e.type === 'storeStatus');
    expect(unsaved).toEqual([{ type: 'storeStatus', data: { state: 'ok', file: join(backend.dataDir, STORE_FILE_NAME), unsaved: expect.objectContaining({ problem: expect.stringContaining('Could not save') }) } }]);

    await unblock();
    expect(ok(await api.store.saveNow({}))).toEqual({ saved: true });
    expect(take().filter((e) => e.type === 'storeStatus')).toEqual([{ type: 'storeStatus', data: { state: 'ok', file: join(backend.dataDir, STORE_FILE_NAME) } }]);
  });
});

describe('dataChanged from elsewhere', () => {
  it('a read-only second Gatekey hears of every change the writing one saves, and lists it without being asked', async () => {
    const writer = await backendWithLog();
    ok(await writer.api.app.dismissWelcome({}));
    const reader = await backendWithLog({ dataDir: writer.backend.dataDir, service: writer.backend.service });
    expect(ok(await reader.api.app.getStatus({})).store).toMatchObject({ state: 'readOnly', cause: 'anotherInstance' });

    const key = ok(await writer.api.accessKeys.create({ name: 'payments', description: '' }));
    await expect.poll(() => dataChanged(reader.log)).toEqual([{ topics: ['accessKeys', 'authorizations'], elsewhere: true }]);
    expect(ok(await everyAccessKey(reader.api)).map((k) => k.name)).toEqual(['payments']);
    reader.take();

    ok(await writer.api.accessKeys.delete({ id: key.id }));
    await expect.poll(() => dataChanged(reader.log)).toEqual([{ topics: ['accessKeys', 'authorizations'], elsewhere: true }]);
    expect(ok(await everyAccessKey(reader.api))).toEqual([]);
    // The writer's own saves never came back to it as someone else's.
    expect(dataChanged(writer.log).every((change) => !change.elsewhere)).toBe(true);
    expect(writer.log.filter((e) => e.type === 'storeStatus')).toEqual([]);
  });
});

describe('events never carry a secret', () => {
  it('a whole create, reveal, copy, sign and send, and a secret typed in Health, leave none in any event', async () => {
    const { backend, api, log } = await backendWithLog();
    const key = ok(await api.accessKeys.create({ name: 'payments', description: '' }));
    const { secret } = ok(await api.accessKeys.revealSecret({ id: key.id }));
    ok(await api.accessKeys.copySecret({ id: key.id }));
    expect(backend.clipboard.text).toBe(secret);
    ok(await api.keyFiles.copyHandoffText({ id: key.id }));

    gateway = await startVerifyingGateway(new Map([[key.apiKey, secret]]));
    const call = { credentials: { kind: 'stored' as const, accessKeyId: key.id }, method: 'POST', url: `${gateway.origin}/v1/orders`, headers: [] as Array<[string, string]>, body: '{"amount":1}', region: 'cn-north-1', service: 'orders' };
    ok(await api.testCall.preview(call));
    const sent = ok(await api.testCall.send(call));
    expect(sent.response.status).toBe(200); // really signed with the secret
    const typed = 'ABCDEF0123456789ABCDEF0123456789';
    ok(await api.testCall.preview({ ...call, credentials: { kind: 'manual', apiKey: key.apiKey, secret: typed } }));

    // Health: a lost secret typed back in, for real in the keychain.
    const lost = ok(await api.accessKeys.create({ name: 'orders', description: '' }));
    await keytar.deletePassword(backend.service, lost.id);
    const retyped = 'FEDCBA9876543210FEDCBA9876543210';
    ok(await api.keychain.restoreSecret({ id: lost.id, secret: retyped }));
    expect(await keytar.getPassword(backend.service, lost.id)).toBe(retyped);

    expect(log.length).toBeGreaterThan(0);
    const everything = JSON.stringify(log);
    for (const value of [secret, typed, retyped]) {
      expect(everything).not.toContain(value);
      expect(everything.toLowerCase()).not.toContain(value.toLowerCase());
    }
  });
});
