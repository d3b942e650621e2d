import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORE_FILE_NAME } from '../../../../electron/ipc/backend';
import type { Result } from '../../../../electron/ipc/result';
import { startTestBackend, type TestBackend } from '../../../support/test-backend';
import { everyAuthorization } from '../../../support/every-record';
import { storeDataText, blockSaves } from '../../../support/store-files';

// Through the real backend: real store file, real keychain, the contract's validation.
let backend: TestBackend;
beforeEach(async () => {
  backend = await startTestBackend();
});
afterEach(() => backend.cleanup());

function data<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}
const storeText = () => storeDataText(join(backend.dataDir, STORE_FILE_NAME));

const group = (name: string, environment: 'test' | 'preview' | 'online' = 'test') =>
  backend.api.apiGroups.create({ name, description: '', region: 'cn-north-1', environment, host: `${name.toLowerCase()}svc.cn-north-1.jdcloud-api.net` }).then(data);
const authorize = (callerKey: string, description = '') => backend.api.authorizations.create({ callerKey, description });

describe('API groups', () => {
  it('are created, listed, edited, and keep names unique ignoring case', async () => {
    const orders = await group('Orders');
    expect(orders).toMatchObject({ name: 'Orders', region: 'cn-north-1', environment: 'test', bindingCount: 0 });
    expect(orders.id).toMatch(/^[0-9a-z]{12}$/);
    expect(await backend.api.apiGroups.create({ name: 'ORDERS', description: '', region: 'cn-north-1', environment: 'test', host: 'a.b.c' })).toMatchObject({
      ok: false,
      error: { code: 'NAME_TAKEN', fields: { name: expect.any(String) } },
    });
    const edited = data(await backend.api.apiGroups.update({ id: orders.id, name: 'Orders v2', description: 'new', region: 'cn-east-2', environment: 'online', host: orders.host }));
    expect(edited).toMatchObject({ name: 'Orders v2', region: 'cn-east-2', environment: 'online' });
    expect(data(await backend.api.apiGroups.list({}))).toEqual([edited]);
  });

  it('deleting one removes its bindings and says how many authorizations lost it', async () => {
    const orders = await group('Orders');
    const billing = await group('Billing');
    const first = data(await authorize('a280dc988b22'));
    const second = data(await authorize('0123456789ABCDEF0123456789ABCDEF'));
    await backend.api.authorizations.setBindings({ id: first.id, groupIds: [orders.id, billing.id] });
    await backend.api.authorizations.setBindings({ id: second.id, groupIds: [orders.id] });
    expect(data(await backend.api.apiGroups.list({})).find((g) => g.id === orders.id)?.bindingCount).toBe(2);

    expect(data(await backend.api.apiGroups.delete({ id: orders.id }))).toEqual({ id: orders.id, unboundAuthorizations: 2 });
    const list = data(await everyAuthorization(backend.api));
    expect(list.map((a) => a.boundGroups.map((g) => g.name))).toEqual([['Billing'], []]);
    expect(await storeText()).not.toContain(orders.id);
  });
});

describe('access authorizations', () => {
  it('accept a pasted identifier, normalised, once per access key', async () => {
    const created = data(await authorize('  A280DC988B22\r\n', 'partner X'));
    expect(created).toMatchObject({ callerKey: 'a280dc988b22', callerKeyKind: 'accessKeyId', callerType: 'apiCaller', description: 'partner X', boundGroups: [] });
    const again = await authorize('a280dc988b22');
    expect(again).toEqual({
      ok: false,
      error: {
        code: 'ALREADY_EXISTS',
        message: expect.stringContaining('already authorized'),
        reason: 'accessKeyAlreadyAuthorized',
        params: { callerKey: 'a280dc988b22' },
        fields: { callerKey: expect.any(String) },
        fieldReasons: { callerKey: { reason: 'callerKeyAlreadyAuthorized', params: {} } },
        existingId: created.id,
      },
    });
  });

  it('know a local access key by either of its identifiers', async () => {
    const key = data(await backend.api.accessKeys.create({ name: 'mine', description: '' }));
    const byApiKey = data(await authorize(key.apiKey));
    expect(byApiKey.localAccessKey).toEqual({ id: key.id, name: 'mine' });
    expect(await authorize(key.id)).toMatchObject({ ok: false, error: { code: 'ALREADY_EXISTS', existingId: byApiKey.id } });
  });

  it('refuse bad identifiers inline and write nothing', async () => {
    for (const callerKey of ['a280dc98 8b22', 'a280dc98\u202e8b22', 'not-a-key', '']) {
      const result = await authorize(callerKey);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { callerKey: expect.any(String) } } });
    }
    await expect(storeText()).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('bind and unbind groups, keeping the first binding time of groups that stay', async () => {
    const orders = await group('Orders');
    const billing = await group('Billing');
    const auth = data(await authorize('a280dc988b22'));
    const bound = data(await backend.api.authorizations.setBindings({ id: auth.id, groupIds: [orders.id] }));
    const ordersBoundAt = bound.boundGroups[0]!.boundAt;
    await new Promise((resolve) => setTimeout(resolve, 5));

    const both = data(await backend.api.authorizations.setBindings({ id: auth.id, groupIds: [orders.id, billing.id, billing.id] }));
    expect(both.boundGroups.map((g) => [g.name, g.boundAt === ordersBoundAt])).toEqual([
      ['Billing', false],
      ['Orders', true],
    ]);
    const one = data(await backend.api.authorizations.setBindings({ id: auth.id, groupIds: [billing.id] }));
    expect(one.boundGroups.map((g) => g.name)).toEqual(['Billing']);
    expect(JSON.parse(await storeText()).bindings).toHaveLength(1);
  });

  it('refuse a binding to a group deleted meanwhile, writing nothing of it', async () => {
    const orders = await group('Orders');
    const billing = await group('Billing');
    const auth = data(await authorize('a280dc988b22'));
    await backend.api.apiGroups.delete({ id: billing.id });
    const before = await storeText();
    const result = await backend.api.authorizations.setBindings({ id: auth.id, groupIds: [orders.id, billing.id] });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(/API group no longer exists/) } });
    expect(await storeText()).toBe(before);
  });

  it('refuse to bind an authorization deleted meanwhile', async () => {
    const orders = await group('Orders');
    const auth = data(await authorize('a280dc988b22'));
    await backend.api.authorizations.delete({ id: auth.id });
    const before = await storeText();
    expect(await backend.api.authorizations.setBindings({ id: auth.id, groupIds: [orders.id] })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringMatching(/authorization no longer exists/) },
    });
    expect(await storeText()).toBe(before);
  });

  it('edit only the description, and delete with their bindings', async () => {
    const orders = await group('Orders');
    const auth = data(await authorize('a280dc988b22'));
    await backend.api.authorizations.setBindings({ id: auth.id, groupIds: [orders.id] });
    expect(data(await backend.api.authorizations.update({ id: auth.id, description: 'renamed' }))).toMatchObject({ description: 'renamed', callerKey: 'a280dc988b22' });
    expect(await backend.dispatch('authorizations.update', { id: auth.id, description: '', callerKey: 'b280dc988b22' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await backend.api.authorizations.delete({ id: auth.id });
    const saved = JSON.parse(await storeText());
    expect(saved.authorizations).toEqual([]);
    expect(saved.bindings).toEqual([]);
    expect(data(await backend.api.apiGroups.list({}))[0]?.bindingCount).toBe(0);
  });

  it('keep a binding whose save failed in memory, unsaved, until it can be saved', async () => {
    const orders = await group('Orders');
    const auth = data(await authorize('a280dc988b22'));
    const unblock = await blockSaves(backend.dataDir);
    expect(data(await backend.api.authorizations.setBindings({ id: auth.id, groupIds: [orders.id] })).boundGroups).toHaveLength(1);
    expect(JSON.parse(await storeText()).bindings).toEqual([]);
    await unblock();
    expect(data(await backend.api.store.saveNow({}))).toEqual({ saved: true });
    expect(JSON.parse(await storeText()).bindings).toHaveLength(1);
  });
});

describe("a local access key's authorized API groups", () => {
  it('lists the groups bound to any authorization naming its ID or APIKey', async () => {
    const key = data(await backend.api.accessKeys.create({ name: 'mine', description: '' }));
    const other = data(await backend.api.accessKeys.create({ name: 'other', description: '' }));
    const orders = await group('Orders', 'online');
    const billing = await group('Billing', 'preview');
    const auth = data(await authorize(key.id));
    const otherAuth = data(await authorize(other.apiKey));
    await backend.api.authorizations.setBindings({ id: auth.id, groupIds: [orders.id, billing.id] });
    await backend.api.authorizations.setBindings({ id: otherAuth.id, groupIds: [orders.id] });

    const grants = data(await backend.api.accessKeys.listGrants({ id: key.id }));
    expect(grants.map((g) => [g.name, g.region, g.environment])).toEqual([
      ['Billing', 'cn-north-1', 'preview'],
      ['Orders', 'cn-north-1', 'online'],
    ]);
    expect(grants.every((g) => !Number.isNaN(Date.parse(g.boundAt)))).toBe(true);
    expect(data(await backend.api.accessKeys.listGrants({ id: other.id })).map((g) => g.name)).toEqual(['Orders']);
  });
});
