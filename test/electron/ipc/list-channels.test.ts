import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../electron/ipc/result';
import { MAX_WINDOW_ROWS } from '../../../electron/shared/lists/window';
import { startTestBackend, type TestBackend } from '../../support/test-backend';

// The list channels through the real backend (schema, handlers, services, store on disk): main
// searches, orders and counts, and answers one bounded window.

let backend: TestBackend | undefined;
afterEach(async () => {
  await backend?.cleanup();
  backend = undefined;
});

function data<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

describe('accessKeys.query', () => {
  it('searches name, Access Key ID and APIKey, orders either way or by name, and counts', async () => {
    backend = await startTestBackend();
    const { api } = backend;
    const payments = data(await api.accessKeys.create({ name: 'Payments', description: '' }));
    const orders = data(await api.accessKeys.create({ name: 'orders', description: '' }));
    const billing = data(await api.accessKeys.create({ name: 'billing', description: '' }));
    const query = async (search: string, order: 'newest' | 'oldest' | 'name' = 'newest') =>
      data(await api.accessKeys.query({ search, order, offset: 0, limit: 10 }));

    expect((await query('')).rows.map((k) => k.name)).toEqual(['billing', 'orders', 'Payments']);
    expect((await query('', 'oldest')).rows.map((k) => k.name)).toEqual(['Payments', 'orders', 'billing']);
    expect((await query('', 'name')).rows.map((k) => k.name)).toEqual(['billing', 'orders', 'Payments']);
    expect(await query('PAY')).toMatchObject({ total: 3, matching: 1, offset: 0, rows: [{ id: payments.id, fingerprint: payments.fingerprint }] });
    expect((await query(orders.id.toUpperCase())).rows.map((k) => k.id)).toEqual([orders.id]);
    expect((await query(` ${billing.apiKey.toLowerCase()} `)).rows.map((k) => k.id)).toEqual([billing.id]);
    expect(await query('no such key')).toEqual({ total: 3, matching: 0, offset: 0, rows: [] });

    const second = data(await api.accessKeys.query({ search: '', order: 'oldest', offset: 1, limit: 1 }));
    expect(second).toMatchObject({ total: 3, matching: 3, offset: 1, rows: [{ name: 'orders' }] });
  });

  it('sees a change at once: a rename is found by its new name', async () => {
    backend = await startTestBackend();
    const { api } = backend;
    const key = data(await api.accessKeys.create({ name: 'before', description: '' }));
    expect(data(await api.accessKeys.query({ search: 'before', order: 'newest', offset: 0, limit: 10 })).matching).toBe(1);
    data(await api.accessKeys.update({ id: key.id, name: 'after', description: '' }));
    expect(data(await api.accessKeys.query({ search: 'before', order: 'newest', offset: 0, limit: 10 })).matching).toBe(0);
    expect(data(await api.accessKeys.query({ search: 'after', order: 'newest', offset: 0, limit: 10 })).rows.map((k) => k.id)).toEqual([key.id]);
  });

  it('refuses a window larger than the limit, a negative offset and an overlong search, as invalid input', async () => {
    backend = await startTestBackend();
    const { api } = backend;
    expect(await api.accessKeys.query({ search: '', order: 'newest', offset: 0, limit: MAX_WINDOW_ROWS + 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await api.accessKeys.query({ search: '', order: 'newest', offset: -1, limit: 10 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await api.accessKeys.query({ search: 'x'.repeat(201), order: 'newest', offset: 0, limit: 10 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await api.authorizations.query({ search: '', offset: 0, limit: MAX_WINDOW_ROWS + 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await api.apiGroups.query({ search: '', offset: 0, limit: MAX_WINDOW_ROWS + 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await api.accessKeys.names({ ids: Array.from({ length: MAX_WINDOW_ROWS + 1 }, () => 'a280dc988b22') })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(data(await api.accessKeys.query({ search: '', order: 'newest', offset: 0, limit: MAX_WINDOW_ROWS }))).toEqual({ total: 0, matching: 0, offset: 0, rows: [] });
  });

  it('names the keys it still has', async () => {
    backend = await startTestBackend();
    const { api } = backend;
    const key = data(await api.accessKeys.create({ name: 'named', description: '' }));
    expect(data(await api.accessKeys.names({ ids: [key.id, 'ffffffffffff'] }))).toEqual([{ id: key.id, name: 'named' }]);
  });
});

describe('authorizations.query, get and locate', () => {
  it('searches either identifier and a local key\'s name, newest first, and follows a key\'s rename', async () => {
    backend = await startTestBackend();
    const { api } = backend;
    const local = data(await api.accessKeys.create({ name: 'house-key', description: '' }));
    const byId = data(await api.authorizations.create({ callerKey: local.id, description: '' }));
    const byApiKey = data(await api.authorizations.create({ callerKey: '0123456789ABCDEF0123456789ABCDEF', description: 'partner' }));
    const query = async (search: string) => data(await api.authorizations.query({ search, offset: 0, limit: 10 }));

    expect((await query('')).rows.map((a) => a.id)).toEqual([byApiKey.id, byId.id]);
    expect(await query('HOUSE')).toMatchObject({ total: 2, matching: 1, rows: [{ id: byId.id, localAccessKey: { id: local.id, name: 'house-key' } }] });
    // The local key's APIKey finds the authorization that names it by ID.
    expect((await query(local.apiKey)).rows.map((a) => a.id)).toEqual([byId.id]);
    expect((await query('0123456789abcdef')).rows.map((a) => a.id)).toEqual([byApiKey.id]);

    data(await api.accessKeys.update({ id: local.id, name: 'renamed', description: '' }));
    expect((await query('house')).matching).toBe(0);
    expect((await query('renamed')).rows.map((a) => a.id)).toEqual([byId.id]);
  });

  it('answers one authorization by ID with its bound groups, and NOT_FOUND once it is gone', async () => {
    backend = await startTestBackend();
    const { api } = backend;
    const group = data(await api.apiGroups.create({ name: 'orders', description: '', region: 'cn-north-1', environment: 'test', host: 'a.cn-north-1.jdcloud-api.net' }));
    const authorization = data(await api.authorizations.create({ callerKey: 'a280dc988b22', description: '' }));
    data(await api.authorizations.setBindings({ id: authorization.id, groupIds: [group.id] }));
    expect(data(await api.authorizations.get({ id: authorization.id }))).toMatchObject({ id: authorization.id, boundGroups: [{ id: group.id, name: 'orders' }] });
    data(await api.authorizations.delete({ id: authorization.id }));
    expect(await api.authorizations.get({ id: authorization.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('locates a row in the list as searched: the index to scroll to', async () => {
    backend = await startTestBackend();
    const { api } = backend;
    const created = [];
    for (const callerKey of ['aaaaaaaaaaa1', 'aaaaaaaaaaa2', 'bbbbbbbbbbb3', 'aaaaaaaaaaa4']) created.push(data(await api.authorizations.create({ callerKey, description: '' })));
    const oldest = created[0]!;
    expect(data(await api.authorizations.locate({ id: oldest.id, search: '' }))).toEqual({ index: 3, matching: 4 });
    expect(data(await api.authorizations.locate({ id: oldest.id, search: 'aaaa' }))).toEqual({ index: 2, matching: 3 });
    expect(data(await api.authorizations.locate({ id: oldest.id, search: 'bbbb' }))).toEqual({ index: null, matching: 1 });
    expect(data(await api.authorizations.locate({ id: 'ffffffffffff', search: '' }))).toEqual({ index: null, matching: 4 });
  });
});

describe('apiGroups.query', () => {
  it('searches name, ID and host, newest first, with binding counts', async () => {
    backend = await startTestBackend();
    const { api } = backend;
    const orders = data(await api.apiGroups.create({ name: 'Orders', description: '', region: 'cn-north-1', environment: 'test', host: 'ordershost.cn-north-1.jdcloud-api.net' }));
    const billing = data(await api.apiGroups.create({ name: 'Billing', description: '', region: 'cn-north-1', environment: 'online', host: 'billhost.cn-north-1.jdcloud-api.net' }));
    const authorization = data(await api.authorizations.create({ callerKey: 'a280dc988b22', description: '' }));
    data(await api.authorizations.setBindings({ id: authorization.id, groupIds: [orders.id] }));
    const query = async (search: string) => data(await api.apiGroups.query({ search, offset: 0, limit: 10 }));

    expect((await query('')).rows.map((g) => [g.name, g.bindingCount])).toEqual([['Billing', 0], ['Orders', 1]]);
    expect((await query('ORDERS')).rows.map((g) => g.id)).toEqual([orders.id]);
    expect((await query(billing.id)).rows.map((g) => g.id)).toEqual([billing.id]);
    expect(await query('BILLHOST')).toMatchObject({ total: 2, matching: 1, rows: [{ id: billing.id }] });
  });
});
