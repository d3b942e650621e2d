import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type JdcloudEmulator, startEmulator } from '../../support/jdcloud-emulator';
import { type Answer, call, type SignOptions } from './sign';

const R = 'cn-north-1';
let emulator: JdcloudEmulator;
beforeEach(async () => {
  emulator = await startEmulator({ regions: [R, 'cn-south-1'] });
});
afterEach(() => emulator.close());

type Request = Omit<SignOptions, 'endpoint' | 'accessKey' | 'secretKey'>;

/** The result of a 200, or a failed expectation with the answer. */
async function ok(request: Request): Promise<Record<string, unknown>> {
  const answer = await call(emulator, request);
  expect(answer.dropped ? answer : answer.status, JSON.stringify(answer)).toBe(200);
  return (answer as Extract<Answer, { dropped: false }>).json.result as Record<string, unknown>;
}

async function refused(request: Request, status: number, statusWord: string): Promise<string> {
  const answer = await call(emulator, request);
  expect(answer.dropped ? answer : answer.status).toBe(status);
  const json = (answer as Extract<Answer, { dropped: false }>).json;
  expect(json.error).toEqual({ code: status, status: statusWord, message: expect.any(String) });
  return (json.error as { message: string }).message;
}

const path = (rest: string) => `/v1/regions/${R}/${rest}`;
const createAuth = (accessKey: string, extra: Record<string, unknown> = {}) =>
  ok({ method: 'POST', path: path('accessAuths'), body: { regionId: R, accessAuthView: { authUserType: 'jd_apikms', accessKey, description: `for ${accessKey}`, ...extra } } });

describe('API groups and deployments', () => {
  it('pages describeApiGroups with the total of all matches, and filters groupName fuzzily', async () => {
    for (let i = 0; i < 25; i += 1) emulator.addApiGroup(R, { groupName: `group${String(i).padStart(2, '0')}`, description: i % 2 ? 'odd one' : 'even one' });
    emulator.addApiGroup(R, { groupName: 'Payments' });
    const first = await ok({ method: 'GET', path: path('apiGroups'), query: { pageNumber: 1, pageSize: 10 } });
    expect(first.totalCount).toBe(26);
    expect((first.apiGroups as unknown[]).length).toBe(10);
    const third = await ok({ method: 'GET', path: path('apiGroups'), query: { pageNumber: 3, pageSize: 10 } });
    expect((third.apiGroups as unknown[]).length).toBe(6);
    const beyond = await ok({ method: 'GET', path: path('apiGroups'), query: { pageNumber: 9, pageSize: 10 } });
    expect(beyond).toEqual({ apiGroups: [], totalCount: 26 });
    const byDefault = await ok({ method: 'GET', path: path('apiGroups') });
    expect((byDefault.apiGroups as unknown[]).length).toBe(20);
    const all = [...(first.apiGroups as Array<{ apiGroupId: string }>), ...((await ok({ method: 'GET', path: path('apiGroups'), query: { pageNumber: 2, pageSize: 10 } })).apiGroups as Array<{ apiGroupId: string }>), ...(third.apiGroups as Array<{ apiGroupId: string }>)];
    expect(new Set(all.map((g) => g.apiGroupId)).size).toBe(26);

    const fuzzy = await ok({ method: 'GET', path: path('apiGroups'), query: { 'filters.1.name': 'groupName', 'filters.1.values.1': 'PAY' } });
    expect(fuzzy.totalCount).toBe(1);
    expect((fuzzy.apiGroups as Array<{ groupName: string }>)[0]!.groupName).toBe('Payments');
    const twoFilters = await ok({
      method: 'GET',
      path: path('apiGroups'),
      query: { 'filters.1.name': 'groupName', 'filters.1.values.1': 'group1', 'filters.2.name': 'description', 'filters.2.operator': 'eq', 'filters.2.values.1': 'odd' },
    });
    expect(twoFilters.totalCount).toBe(5); // group11, 13, 15, 17, 19
  });

  it('refuses pageSize outside [10, 100], pageNumber 0, unknown filters and 0-based indexes with 400', async () => {
    const bad: Array<Record<string, string | number>> = [{ pageSize: 9 }, { pageSize: 101 }, { pageNumber: 0 }, { pageSize: 'ten' }, { 'filters.1.name': 'colour', 'filters.1.values.1': 'x' }, { 'filters.0.name': 'groupName', 'filters.0.values.1': 'x' }];
    for (const query of bad) {
      await refused({ method: 'GET', path: path('apiGroups'), query }, 400, 'INVALID_ARGUMENT');
    }
    expect((await ok({ method: 'GET', path: path('apiGroups'), query: { pageSize: 100 } })).totalCount).toBe(0);
  });

  it('describes one group with its domain and its deployments per environment', async () => {
    const group = emulator.addApiGroup(R, { groupName: 'orders', description: 'Orders', publish: ['test', 'online'] });
    expect(group.apiGroupId).toMatch(/^[0-9a-z]{12}$/);
    expect(group.domain).toMatch(/^[0-9a-z]{12}\.cn-north-1\.jdcloud-api\.net$/);
    const described = await ok({ method: 'GET', path: path(`apiGroups/${group.apiGroupId}`) });
    expect(described.apiGroup).toMatchObject({ apiGroupId: group.apiGroupId, groupName: 'orders', description: 'Orders', regionId: R, domain: group.domain, authType: 'jd_cloud', deploy: 1 });
    const { deployments } = (await ok({ method: 'GET', path: path(`apiGroups/${group.apiGroupId}/deployments`) })) as { deployments: Array<Record<string, unknown>> };
    expect(deployments.map((d) => [d.deploymentId, d.environment])).toEqual(group.deployments.map((d) => [d.deploymentId, d.environment]));
    expect(typeof deployments[0]!.createTime).toBe('number');
    await refused({ method: 'GET', path: path('apiGroups/nosuchgroup0') }, 404, 'NOT_FOUND');
    await refused({ method: 'GET', path: path('apiGroups/nosuchgroup0/deployments') }, 404, 'NOT_FOUND');
  });

  it('keeps regions apart and refuses a region it does not serve', async () => {
    emulator.addApiGroup('cn-south-1', { groupName: 'south' });
    expect((await ok({ method: 'GET', path: path('apiGroups') })).totalCount).toBe(0);
    expect((await ok({ method: 'GET', path: '/v1/regions/cn-south-1/apiGroups' })).totalCount).toBe(1);
    await refused({ method: 'GET', path: '/v1/regions/cn-east-1/apiGroups' }, 400, 'INVALID_ARGUMENT');
  });
});

describe('access authorizations', () => {
  it('creates, reads, lists with filters, and refuses a duplicate (authUserType, accessKey) with 409', async () => {
    const group = emulator.addApiGroup(R, { groupName: 'orders', publish: ['test', 'online'] });
    const [test, online] = group.deployments.map((d) => d.deploymentId) as [string, string];
    const { accessAuthId } = (await createAuth('KEY1', { deploymentIds: `${test},${online}` })) as { accessAuthId: string };
    expect(accessAuthId).toMatch(/^[0-9a-z]{12}$/);
    expect(await ok({ method: 'GET', path: path(`accessAuths/${accessAuthId}`) })).toEqual({
      accessAuth: { accessAuthId, authUserType: 'jd_apikms', accessKey: 'KEY1', description: 'for KEY1', bindGroups: 'orders', appId: null },
    });
    await createAuth('KEY2');
    emulator.addAccessAuth(R, { accessKey: 'AK-OF-JD', authUserType: 'jd_cloud' });
    await refused({ method: 'POST', path: path('accessAuths'), body: { accessAuthView: { authUserType: 'jd_apikms', accessKey: 'KEY1' } } }, 409, 'ALREADY_EXISTS');
    // The same key under another type is another authorization.
    await createAuth('AK-OF-JD');
    expect(emulator.count('createAccessAuth', { applied: true })).toBe(3);

    expect((await ok({ method: 'GET', path: path('accessAuths') })).totalCount).toBe(4);
    const kms = await ok({ method: 'GET', path: path('accessAuths'), query: { 'filters.1.name': 'auth_user_type', 'filters.1.values.1': 'jd_apikms' } });
    expect(kms.totalCount).toBe(3);
    const one = await ok({ method: 'GET', path: path('accessAuths'), query: { 'filters.1.name': 'auth_user_id', 'filters.1.values.1': 'KEY1' } });
    expect((one.accessAuths as Array<{ accessAuthId: string }>).map((a) => a.accessAuthId)).toEqual([accessAuthId]);
    const notFuzzy = await ok({ method: 'GET', path: path('accessAuths'), query: { 'filters.1.name': 'auth_user_id', 'filters.1.values.1': 'KEY' } });
    expect(notFuzzy.totalCount).toBe(0);
  });

  it('refuses bad creates with 400 and changes nothing', async () => {
    const closed = emulator.addApiGroup(R, { groupName: 'open-to-all', authType: 'None', publish: ['online'] });
    for (const body of [
      {},
      { accessAuthView: { authUserType: 'jd_apikms' } },
      { accessAuthView: { authUserType: 'martian', accessKey: 'K' } },
      { accessAuthView: { authUserType: 'jd_apikms', accessKey: 'K', deploymentIds: ['a', 'b'] } },
      { accessAuthView: { authUserType: 'jd_apikms', accessKey: 'K', deploymentIds: 'nosuchdeploy' } },
      { accessAuthView: { authUserType: 'jd_apikms', accessKey: 'K', deploymentIds: closed.deployments[0]!.deploymentId } },
      { accessAuthView: { authUserType: 'jd_apikms', accessKey: 'K', description: 'x'.repeat(257) } },
    ]) {
      await refused({ method: 'POST', path: path('accessAuths'), body }, 400, 'INVALID_ARGUMENT');
    }
    expect(emulator.snapshot(R).authorizations).toEqual([]);
  });

  it('bindGroupAuth replaces the bound set; "" unbinds all; unknown or None-group deployments are refused', async () => {
    const orders = emulator.addApiGroup(R, { groupName: 'orders', publish: ['test', 'online'] });
    const pay = emulator.addApiGroup(R, { groupName: 'pay', publish: ['preview'] });
    const open = emulator.addApiGroup(R, { groupName: 'open', authType: 'None', publish: ['online'] });
    const [ordersTest, ordersOnline] = orders.deployments.map((d) => d.deploymentId) as [string, string];
    const payPreview = pay.deployments[0]!.deploymentId;
    const { accessAuthId } = (await createAuth('KEY1', { deploymentIds: ordersTest })) as { accessAuthId: string };
    const bind = (deploymentIds: string) => ok({ method: 'POST', path: path(`accessAuths/${accessAuthId}:bindGroup`), body: { regionId: R, accessAuthId, deploymentIds } });

    expect(await bind(`${ordersOnline},${payPreview}`)).toEqual({
      bindGroups: [
        { deploymentId: ordersOnline, groupName: 'orders', environment: 'online' },
        { deploymentId: payPreview, groupName: 'pay', environment: 'preview' },
      ],
    });
    expect(emulator.snapshot(R).authorizations[0]!.deploymentIds).toEqual([ordersOnline, payPreview]);
    expect(JSON.parse(emulator.requests.at(-1)!.body)).toMatchObject({ deploymentIds: `${ordersOnline},${payPreview}` });
    expect((await ok({ method: 'GET', path: path(`accessAuths/${accessAuthId}%3AbindGroup`) })).bindGroups).toHaveLength(2);
    expect(((await ok({ method: 'GET', path: path(`accessAuths/${accessAuthId}`) })).accessAuth as { bindGroups: string }).bindGroups).toBe('orders,pay');

    await refused({ method: 'POST', path: path(`accessAuths/${accessAuthId}:bindGroup`), body: { deploymentIds: `${ordersTest},nosuchdeploy` } }, 400, 'INVALID_ARGUMENT');
    await refused({ method: 'POST', path: path(`accessAuths/${accessAuthId}:bindGroup`), body: { deploymentIds: open.deployments[0]!.deploymentId } }, 400, 'INVALID_ARGUMENT');
    await refused({ method: 'POST', path: path(`accessAuths/${accessAuthId}:bindGroup`), body: {} }, 400, 'INVALID_ARGUMENT');
    expect(emulator.snapshot(R).authorizations[0]!.deploymentIds).toEqual([ordersOnline, payPreview]);

    expect(await bind('')).toEqual({ bindGroups: [] });
    expect(await ok({ method: 'GET', path: path(`accessAuths/${accessAuthId}:bindGroup`) })).toEqual({ bindGroups: [] });
    await refused({ method: 'POST', path: path('accessAuths/nosuchauth00:bindGroup'), body: { deploymentIds: '' } }, 404, 'NOT_FOUND');
  });

  it('queryAuthGroupList lists the deployments of groups with access authorization on', async () => {
    const orders = emulator.addApiGroup(R, { groupName: 'orders', publish: ['test'] });
    emulator.addApiGroup(R, { groupName: 'open', authType: 'None', publish: ['online'] });
    emulator.addApiGroup(R, { groupName: 'draft' });
    expect(await ok({ method: 'GET', path: path('accessAuths:groupList'), query: { authUserType: 'jd_apikms' } })).toEqual({
      bindGroups: [{ deploymentId: orders.deployments[0]!.deploymentId, groupName: 'orders', environment: 'test' }],
    });
    await refused({ method: 'GET', path: path('accessAuths:groupList') }, 400, 'INVALID_ARGUMENT');
  });

  it('a redeploy issues a new deploymentId and drops the old one’s bindings', async () => {
    const orders = emulator.addApiGroup(R, { groupName: 'orders', publish: ['online'] });
    const old = orders.deployments[0]!.deploymentId;
    const id = emulator.addAccessAuth(R, { accessKey: 'K', deploymentIds: [old] });
    const fresh = emulator.publish(R, orders.apiGroupId, 'online');
    expect(fresh.deploymentId).not.toBe(old);
    expect(fresh.revision).toBe('2.0.0');
    expect(emulator.snapshot(R).authorizations.find((a) => a.accessAuthId === id)!.deploymentIds).toEqual([]);
  });

  it('updateAccessAuth changes only the given fields; checkAuthExist finds by (type, key); delete answers 404 the second time', async () => {
    const orders = emulator.addApiGroup(R, { groupName: 'orders', publish: ['online'] });
    const { accessAuthId } = (await createAuth('KEY1', { deploymentIds: orders.deployments[0]!.deploymentId })) as { accessAuthId: string };
    expect(await ok({ method: 'PATCH', path: path(`accessAuths/${accessAuthId}`), body: { accessAuthView: { description: 'renamed', accessKey: null } } })).toEqual({ accessAuthId });
    expect(emulator.snapshot(R).authorizations).toEqual([
      { accessAuthId, authUserType: 'jd_apikms', accessKey: 'KEY1', description: 'renamed', deploymentIds: [orders.deployments[0]!.deploymentId] },
    ]);
    await createAuth('KEY2');
    await refused({ method: 'PATCH', path: path(`accessAuths/${accessAuthId}`), body: { accessAuthView: { accessKey: 'KEY2' } } }, 409, 'ALREADY_EXISTS');
    await refused({ method: 'PATCH', path: path('accessAuths/nosuchauth00'), body: { accessAuthView: { description: 'x' } } }, 404, 'NOT_FOUND');

    const check = (accessKey: string, authUserType = 'jd_apikms') => ok({ method: 'POST', path: path('accessAuths:checkAccessKeyExist'), body: { accessKey, authUserType } });
    expect(await check('KEY1')).toEqual({ accessAuthId });
    expect(await check('KEY1', 'jd_cloud')).toEqual({ accessAuthId: null });
    expect(await check('NOPE')).toEqual({ accessAuthId: null });

    expect(await ok({ method: 'DELETE', path: path(`accessAuths/${accessAuthId}`) })).toEqual({ accessAuthId });
    await refused({ method: 'DELETE', path: path(`accessAuths/${accessAuthId}`) }, 404, 'NOT_FOUND');
    expect(await check('KEY1')).toEqual({ accessAuthId: null });
    // Gone means the pair can be created again.
    await createAuth('KEY1');
  });
});

describe('signature keys (kms)', () => {
  it('createKey answers the APIKey and APISecret but no keyId; queryKeys finds it; update, info and reset work', async () => {
    const created = (await ok({ method: 'POST', path: path('kms'), body: { keyName: 'mobile', keyDesc: 'the app' } })) as { accessKey: string; secretKey: string };
    expect(Object.keys(created).sort()).toEqual(['accessKey', 'secretKey']);
    expect(created.accessKey).toMatch(/^[0-9A-F]{32}$/);
    expect(created.secretKey).toMatch(/^[0-9a-f]{32}$/);
    const seeded = emulator.addKey(R, { keyName: 'seeded' });

    const listed = (await ok({ method: 'GET', path: path('kms') })) as { total: number; data: Array<Record<string, string>> };
    expect(listed.total).toBe(2);
    const mine = listed.data.find((k) => k.accessKey === created.accessKey)!;
    expect(mine).toMatchObject({ keyName: 'mobile', keyDesc: 'the app', secretKey: created.secretKey, keyId: expect.stringMatching(/^[0-9a-f]{12}$/), createTime: expect.any(String) });
    expect(await ok({ method: 'GET', path: path('kms'), query: { keyId: seeded.keyId } })).toMatchObject({ total: 1, data: [{ keyId: seeded.keyId, accessKey: seeded.accessKey }] });
    expect(await ok({ method: 'GET', path: path('kms'), query: { keyId: 'ffffffffffff' } })).toEqual({ total: 0, data: [] });

    const updated = await call(emulator, { method: 'PATCH', path: path('kms'), body: { keyId: mine.keyId, keyDesc: 'changed' } });
    expect(updated.dropped ? updated : updated.json).toEqual({ requestId: expect.stringMatching(/^[0-9a-z]{32}$/) });
    expect(((await ok({ method: 'GET', path: path(`kms/${mine.keyId}`) })).keyInfo as Record<string, string>)).toMatchObject({ keyName: 'mobile', keyDesc: 'changed' });

    const reset = (await ok({ method: 'PUT', path: path('kms'), body: { keyId: mine.keyId } })).keyInfo as Record<string, string>;
    expect(reset.keyId).toBe(mine.keyId);
    expect(reset.accessKey).not.toBe(created.accessKey);
    expect(reset.secretKey).not.toBe(created.secretKey);
    expect(emulator.snapshot(R).keys.find((k) => k.keyId === mine.keyId)).toEqual({ keyId: mine.keyId, keyName: 'mobile', keyDesc: 'changed', accessKey: reset.accessKey, createTime: mine.createTime });
    expect(JSON.stringify(emulator.snapshot(R))).not.toContain(reset.secretKey);

    await refused({ method: 'GET', path: path('kms/ffffffffffff') }, 404, 'NOT_FOUND');
    await refused({ method: 'PUT', path: path('kms'), body: {} }, 400, 'INVALID_ARGUMENT');
    await refused({ method: 'POST', path: path('kms'), body: { keyName: 'n'.repeat(33) } }, 400, 'INVALID_ARGUMENT');
  });
});

describe('routing and envelope', () => {
  it('answers 404 NOT_FOUND to an unknown path or method, 400 to a body that is not JSON', async () => {
    await refused({ method: 'GET', path: path('nothingHere') }, 404, 'NOT_FOUND');
    await refused({ method: 'PUT', path: path('accessAuths') }, 404, 'NOT_FOUND');
    await refused({ method: 'GET', path: path('accessAuths:unknownVerb') }, 404, 'NOT_FOUND');
    const answer = await call(emulator, { method: 'GET', path: '/v2/other' });
    expect(answer.dropped ? answer : answer.status).toBe(404);
    expect(await refused({ method: 'POST', path: path('kms'), rawBody: '{"keyName": ' }, 400, 'INVALID_ARGUMENT')).toMatch(/not valid JSON/);
    expect(await refused({ method: 'POST', path: path('kms'), rawBody: '["keyName"]' }, 400, 'INVALID_ARGUMENT')).toMatch(/JSON object/);
  });
});
