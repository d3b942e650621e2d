import { afterEach, describe, expect, it } from 'vitest';
import { sendRequest } from '../../../../../electron/adapters/http/send-request';
import { createGatewayClient, isUnclear } from '../../../../../electron/core/jdcloud/client';
import type { GatewayApi } from '../../../../../electron/core/jdcloud/gateway-api';
import { AppError } from '../../../../../electron/shared/errors';
import { startEmulator, type JdcloudEmulator } from '../../../../support/jdcloud-emulator';

const REGION = 'cn-north-1';
const started: JdcloudEmulator[] = [];
let slept: number[] = [];

afterEach(async () => {
  await Promise.all(started.splice(0).map((emulator) => emulator.close()));
  slept = [];
});

async function emulator(options?: Parameters<typeof startEmulator>[0]): Promise<JdcloudEmulator> {
  const emu = await startEmulator(options);
  started.push(emu);
  return emu;
}

const clientOf = (emu: JdcloudEmulator, credentials: { accessKeyId?: string; secretKey?: string; nonce?: () => string; now?: () => Date } = {}): GatewayApi =>
  createGatewayClient({
    endpoint: emu.endpoint,
    accessKeyId: credentials.accessKeyId ?? emu.account.accessKey,
    secretKey: credentials.secretKey ?? emu.account.secretKey,
    send: (outgoing) => sendRequest(outgoing),
    sleep: async (ms) => {
      slept.push(ms);
    },
    ...(credentials.nonce ? { nonce: credentials.nonce } : {}),
    ...(credentials.now ? { now: credentials.now } : {}),
  });

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(AppError);
  return outcome as AppError;
}

describe('every operation round-trips through the emulator', () => {
  it('reads groups and deployments, manages an authorization and its bindings, and creates and reads keys', async () => {
    const emu = await emulator();
    const orders = emu.addApiGroup(REGION, { groupName: 'orders', description: 'Orders', authType: 'jd_cloud', publish: ['test', 'online'] });
    emu.addApiGroup(REGION, { groupName: 'open', authType: 'None' });
    const api = clientOf(emu);

    const groups = await api.describeApiGroups(REGION);
    expect(groups.requestId).not.toBe('');
    expect(groups.result.map((g) => g.groupName).sort()).toEqual(['open', 'orders']);
    expect(groups.result.find((g) => g.groupName === 'orders')).toMatchObject({ apiGroupId: orders.apiGroupId, authType: 'jd_cloud', domain: orders.domain, regionId: REGION });

    const deployments = await api.describeDeployments(REGION, orders.apiGroupId);
    expect(deployments.result).toEqual(expect.arrayContaining(orders.deployments));
    expect(deployments.result).toHaveLength(2);
    const [testDep, onlineDep] = [orders.deployments.find((d) => d.environment === 'test')!, orders.deployments.find((d) => d.environment === 'online')!];

    const key = await api.createKey(REGION, { keyName: 'mobile', keyDesc: 'the app' });
    expect(key.result.accessKey).toMatch(/^[0-9A-F]{32}$/);
    expect(key.result.secretKey).not.toBe('');
    const keys = await api.queryKeys(REGION);
    const created = keys.result.find((k) => k.accessKey === key.result.accessKey)!;
    expect(created).toMatchObject({ keyName: 'mobile', keyDesc: 'the app', secretKey: key.result.secretKey });
    expect((await api.queryKeys(REGION, { keyId: created.keyId })).result.map((k) => k.keyId)).toEqual([created.keyId]);

    expect((await api.checkAuthExist(REGION, 'jd_apikms', key.result.accessKey)).result).toBeNull();
    const auth = await api.createAccessAuth(REGION, {
      authUserType: 'jd_apikms',
      accessKey: key.result.accessKey.toLowerCase(),
      description: 'mobile app',
      deploymentIds: [testDep.deploymentId],
    });
    const { accessAuthId } = auth.result;
    expect((await api.checkAuthExist(REGION, 'jd_apikms', key.result.accessKey)).result).toBe(accessAuthId);
    expect((await api.queryBindGroupAuth(REGION, accessAuthId)).result).toEqual([testDep.deploymentId]);

    expect((await api.updateAccessAuth(REGION, accessAuthId, { description: 'renamed' })).result).toEqual({ accessAuthId });
    const bound = await api.bindGroupAuth(REGION, accessAuthId, [testDep.deploymentId, onlineDep.deploymentId]);
    expect(bound.result.sort()).toEqual([testDep.deploymentId, onlineDep.deploymentId].sort());
    expect((await api.queryAccessAuths(REGION)).result).toEqual([{ accessAuthId, authUserType: 'jd_apikms', accessKey: key.result.accessKey, description: 'renamed' }]);
    expect(emu.snapshot(REGION).authorizations[0]).toMatchObject({ accessKey: key.result.accessKey, description: 'renamed' });

    expect((await api.bindGroupAuth(REGION, accessAuthId, [])).result).toEqual([]);
    expect((await api.deleteAccessAuth(REGION, accessAuthId)).result).toEqual({ accessAuthId });
    expect(emu.snapshot(REGION).authorizations).toEqual([]);

    // Every request the client made was signed in a way the emulator accepted.
    expect(emu.requests.length).toBeGreaterThan(10);
    expect(emu.requests.every((r) => r.signature === 'valid')).toBe(true);
  });

  it('a duplicate create and a repeated delete are refused with 409 and 404, not retried', async () => {
    const emu = await emulator();
    const api = clientOf(emu);
    const view = { authUserType: 'jd_apikms', accessKey: 'ABCDEF0123456789ABCDEF0123456789', description: '' };
    const { accessAuthId } = (await api.createAccessAuth(REGION, view)).result;
    expect(await errorOf(api.createAccessAuth(REGION, view))).toMatchObject({ reason: 'jdRequestRefused', params: { status: '409' } });
    await api.deleteAccessAuth(REGION, accessAuthId);
    expect(await errorOf(api.deleteAccessAuth(REGION, accessAuthId))).toMatchObject({ reason: 'jdRequestRefused', params: { status: '404' } });
    expect(emu.count('createAccessAuth')).toBe(2);
    expect(emu.count('deleteAccessAuth')).toBe(2);
  });
});

describe('retries against the emulator', () => {
  it('signs each retry with a fresh nonce (the emulator rejects a reused one)', async () => {
    const emu = await emulator();
    emu.inject({ operation: 'describeApiGroups', kind: 'status', status: 503, times: 2 });
    const replied = await clientOf(emu).describeApiGroups(REGION);
    expect(replied.result).toEqual([]);
    expect(emu.count('describeApiGroups')).toBe(3);
    expect(emu.count('describeApiGroups', { signature: 'valid' })).toBe(3);
    expect(slept).toHaveLength(2);
  });

  it('a reused nonce is refused as the emulator would refuse a replay', async () => {
    const emu = await emulator();
    const api = clientOf(emu, { nonce: () => 'the-same-nonce' });
    await api.describeApiGroups(REGION);
    expect(await errorOf(api.describeApiGroups(REGION))).toMatchObject({ code: 'GATEWAY_AUTH_FAILED', reason: 'jdAuthRefused' });
  });

  it('honours Retry-After on a 429', async () => {
    const emu = await emulator();
    emu.inject({ operation: 'queryAccessAuths', kind: 'status', status: 429, retryAfterSeconds: 3 });
    await clientOf(emu).queryAccessAuths(REGION);
    expect(slept).toEqual([3000]);
    expect(emu.count('queryAccessAuths')).toBe(2);
  });

  it('retries a read after a 500 and after a dropped connection', async () => {
    const emu = await emulator();
    const { apiGroupId } = emu.addApiGroup(REGION, { groupName: 'orders', publish: ['online'] });
    emu.inject({ operation: 'describeDeployments', kind: 'status', status: 500 });
    emu.inject({ operation: 'describeDeployments', kind: 'dropBeforeApply' });
    const replied = await clientOf(emu).describeDeployments(REGION, apiGroupId);
    expect(replied.result).toHaveLength(1);
    expect(emu.count('describeDeployments')).toBe(3);
  });

  it('a create whose reply is lost is jdUnclear, and the emulator applied it exactly once', async () => {
    const emu = await emulator();
    emu.inject({ operation: 'createAccessAuth', kind: 'dropAfterApply' });
    const api = clientOf(emu);
    const accessKey = 'ABCDEF0123456789ABCDEF0123456789';
    const error = await errorOf(api.createAccessAuth(REGION, { authUserType: 'jd_apikms', accessKey, description: 'x' }));
    expect(isUnclear(error)).toBe(true);
    expect(error).toMatchObject({ code: 'GATEWAY_FAILED', reason: 'jdUnclear', params: { operation: 'createAccessAuth' } });
    expect(emu.count('createAccessAuth')).toBe(1);
    expect(emu.count('createAccessAuth', { applied: true })).toBe(1);
    expect(emu.snapshot(REGION).authorizations).toHaveLength(1);
    // The way to resolve it: ask.
    expect((await api.checkAuthExist(REGION, 'jd_apikms', accessKey)).result).toBe(emu.snapshot(REGION).authorizations[0]!.accessAuthId);
  });

  it('a write answered 503 after it was applied is jdUnclear, not repeated', async () => {
    const emu = await emulator();
    emu.inject({ operation: 'createKey', kind: 'statusAfterApply', status: 503 });
    const error = await errorOf(clientOf(emu).createKey(REGION, { keyName: 'k', keyDesc: '' }));
    expect(error).toMatchObject({ reason: 'jdUnclear', params: { operation: 'createKey', status: '503' } });
    expect(error.params.requestId).not.toBe('');
    expect(emu.count('createKey')).toBe(1);
    expect(emu.snapshot(REGION).keys).toHaveLength(1);
  });

  it('a write refused with 429 before it was applied is repeated, and applied once', async () => {
    const emu = await emulator();
    emu.inject({ operation: 'createKey', kind: 'status', status: 429 });
    await clientOf(emu).createKey(REGION, { keyName: 'k', keyDesc: '' });
    expect(emu.count('createKey')).toBe(2);
    expect(emu.snapshot(REGION).keys).toHaveLength(1);
  });
});

describe('credentials', () => {
  it('a wrong SecretKey is jdAuthRefused (GATEWAY_AUTH_FAILED) and the secret is nowhere in the error', async () => {
    const emu = await emulator();
    const wrong = 'WRONGSECRET0123456789ABCDEF01234';
    const error = await errorOf(clientOf(emu, { secretKey: wrong }).describeApiGroups(REGION));
    expect(error).toMatchObject({ code: 'GATEWAY_AUTH_FAILED', reason: 'jdAuthRefused', params: { status: '401' } });
    expect(error.params.requestId).not.toBe('');
    expect(emu.count('*')).toBe(1);
    expect(JSON.stringify({ message: error.message, params: error.params })).not.toContain(wrong);
    expect(error.params).not.toHaveProperty('skewMinutes');
  });

  it("a 401 caused by this computer's clock names how far off it is", async () => {
    const emu = await emulator();
    const error = await errorOf(clientOf(emu, { now: () => new Date(Date.now() - 40 * 60_000) }).describeApiGroups(REGION));
    expect(error).toMatchObject({ reason: 'jdAuthRefused', params: { status: '401', skewMinutes: -40 } });
    expect(error.message).toMatch(/about 40 minutes behind/);
  });

  it('an account without API Gateway permissions is jdForbidden', async () => {
    const emu = await emulator({ accounts: [{ accessKey: 'JDC_NOPERMS0000000001', secretKey: 'NOPERMSSECRET000000000000000001', allowed: false }] });
    const error = await errorOf(clientOf(emu).queryKeys(REGION));
    expect(error).toMatchObject({ code: 'GATEWAY_AUTH_FAILED', reason: 'jdForbidden', params: { status: '403' } });
  });
});

describe('paging', () => {
  it('reads more than 100 groups, authorizations and keys across pages', async () => {
    const emu = await emulator();
    for (let i = 0; i < 230; i += 1) emu.addApiGroup(REGION, { groupName: `group${i}` });
    for (let i = 0; i < 101; i += 1) emu.addAccessAuth(REGION, { accessKey: i.toString(16).padStart(32, '0').toUpperCase() });
    for (let i = 0; i < 120; i += 1) emu.addKey(REGION, { keyName: `key${i}` });
    const api = clientOf(emu);

    const groups = await api.describeApiGroups(REGION);
    expect(new Set(groups.result.map((g) => g.apiGroupId)).size).toBe(230);
    expect(emu.count('describeApiGroups')).toBe(3);

    const auths = await api.queryAccessAuths(REGION);
    expect(new Set(auths.result.map((a) => a.accessAuthId)).size).toBe(101);
    expect(emu.count('queryAccessAuths')).toBe(2);

    const keys = await api.queryKeys(REGION);
    expect(new Set(keys.result.map((k) => k.keyId)).size).toBe(120);
    expect(emu.count('queryKeys')).toBe(2);
  });
});
