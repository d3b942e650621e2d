import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sendRequest } from '../../../../../electron/adapters/http/send-request';
import { createGatewayClient } from '../../../../../electron/core/jdcloud/client';
import { queryPairs, queryString } from '../../../../../electron/core/jdcloud/client/encode';
import { ok, startRecordingServer, type RecordingServer } from './recording-server';

const ACCESS_KEY_ID = 'JDC_TESTACCESSKEY01';
const SECRET_KEY = 'TESTSECRETKEY0123456789ABCDEF0123';
const MOMENT = new Date('2025-03-04T05:06:07.890Z');

let server: RecordingServer;
let nonces: number;

beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  nonces = 0;
});

const client = () =>
  createGatewayClient({
    endpoint: server.endpoint,
    accessKeyId: ACCESS_KEY_ID,
    secretKey: SECRET_KEY,
    send: (outgoing) => sendRequest(outgoing),
    now: () => MOMENT,
    nonce: () => `nonce-${++nonces}`,
    sleep: async () => {},
  });

const last = () => server.requests.at(-1)!;
const port = () => new URL(server.endpoint).port;

describe('signing of one attempt', () => {
  it('sends and signs host, content-type, x-jdcloud-date and x-jdcloud-nonce with the apigateway scope of the region', async () => {
    server.script(ok({ apiGroups: [], totalCount: 0 }));
    await client().describeApiGroups('cn-east-2');
    const request = last();
    expect(request.headers.host).toBe(`127.0.0.1:${port()}`);
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['x-jdcloud-date']).toBe('20250304T050607Z');
    expect(request.headers['x-jdcloud-nonce']).toBe('nonce-1');
    expect(request.headers.authorization).toMatch(
      new RegExp(`^JDCLOUD2-HMAC-SHA256 Credential=${ACCESS_KEY_ID}/20250304/cn-east-2/apigateway/jdcloud2_request, SignedHeaders=content-type;host;x-jdcloud-date;x-jdcloud-nonce, Signature=[0-9a-f]{64}$`),
    );
    expect(request.body).toBe('');
  });
});

describe('GET and DELETE: parameters in the query string', () => {
  it('pages describeApiGroups with pageNumber and pageSize 100', async () => {
    server.script(ok({ apiGroups: [], totalCount: 0 }));
    await client().describeApiGroups('cn-north-1');
    expect(last().method).toBe('GET');
    expect(last().url).toBe('/v1/regions/cn-north-1/apiGroups?pageNumber=1&pageSize=100');
  });

  it('sends a custom verb with its colon percent-encoded, like the Go SDK', async () => {
    server.script(ok({ bindGroups: [{ deploymentId: 'dep-1', groupName: 'g', environment: 'test' }] }));
    const replied = await client().queryBindGroupAuth('cn-north-1', 'auth-7');
    expect(last().url).toBe('/v1/regions/cn-north-1/accessAuths/auth-7%3AbindGroup');
    expect(replied.result).toEqual(['dep-1']);
  });

  it('encodes path IDs so that they can never add a segment', async () => {
    server.script(ok({ deployments: [] }));
    await client().describeDeployments('cn-north-1', 'a/b c');
    expect(last().url).toBe('/v1/regions/cn-north-1/apiGroups/a%2Fb%20c/deployments');
  });

  it('omits absent parameters and sends the keyId filter of queryKeys when given', async () => {
    server.script(ok({ total: 0, data: [] }), ok({ total: 0, data: [] }));
    await client().queryKeys('cn-north-1');
    expect(last().url).toBe('/v1/regions/cn-north-1/kms?pageNumber=1&pageSize=100');
    await client().queryKeys('cn-north-1', { keyId: 'a280dc988b22' });
    expect(last().url).toBe('/v1/regions/cn-north-1/kms?pageNumber=1&pageSize=100&keyId=a280dc988b22');
  });

  it('sends DELETE with no body and no query', async () => {
    server.script(ok({ accessAuthId: 'auth-9' }));
    const replied = await client().deleteAccessAuth('cn-north-1', 'auth-9');
    expect(last()).toMatchObject({ method: 'DELETE', url: '/v1/regions/cn-north-1/accessAuths/auth-9', body: '' });
    expect(replied.result).toEqual({ accessAuthId: 'auth-9' });
  });

  it('flattens filters with 1-based indexes and encodes RFC 3986 style (space as %20)', () => {
    const pairs = queryPairs({
      pageNumber: 2,
      missing: undefined,
      none: null,
      filters: [
        { name: 'groupName', operator: 'eq', values: ['ord ers', 'pay+ments'] },
        { name: 'domain', values: ["x*y'(z)!"] },
      ],
    });
    expect(queryString(pairs)).toBe(
      'pageNumber=2&filters.1.name=groupName&filters.1.operator=eq&filters.1.values.1=ord%20ers&filters.1.values.2=pay%2Bments' +
        '&filters.2.name=domain&filters.2.values.1=x%2Ay%27%28z%29%21',
    );
  });
});

describe('POST and PATCH: exactly the documented JSON body, no query string', () => {
  it('createAccessAuth sends accessAuthView with deploymentIds as one comma-separated string and the APIKey upper-cased', async () => {
    server.script(ok({ accessAuthId: 'auth-1' }));
    const replied = await client().createAccessAuth('cn-north-1', {
      authUserType: 'jd_apikms',
      accessKey: '6a1f0c2e9b7d4a3f8e5c1b0d2f4a6c8e',
      description: 'mobile app',
      deploymentIds: ['dep1', 'dep2'],
    });
    expect(last().method).toBe('POST');
    expect(last().url).toBe('/v1/regions/cn-north-1/accessAuths');
    expect(JSON.parse(last().body)).toEqual({
      accessAuthView: { authUserType: 'jd_apikms', accessKey: '6A1F0C2E9B7D4A3F8E5C1B0D2F4A6C8E', description: 'mobile app', deploymentIds: 'dep1,dep2' },
    });
    expect(replied.result).toEqual({ accessAuthId: 'auth-1' });
  });

  it('updateAccessAuth sends only the description, by PATCH', async () => {
    server.script(ok({ accessAuthId: 'auth-1' }));
    await client().updateAccessAuth('cn-north-1', 'auth-1', { description: 'new words' });
    expect(last()).toMatchObject({ method: 'PATCH', url: '/v1/regions/cn-north-1/accessAuths/auth-1' });
    expect(JSON.parse(last().body)).toEqual({ accessAuthView: { description: 'new words' } });
  });

  it('bindGroupAuth sends the complete set as one string and answers the bound deployment IDs', async () => {
    server.script(ok({ bindGroups: [{ deploymentId: 'd1' }, { deploymentId: 'd2' }] }), ok({ bindGroups: [] }));
    const replied = await client().bindGroupAuth('cn-north-1', 'auth-1', ['d1', 'd2']);
    expect(last().url).toBe('/v1/regions/cn-north-1/accessAuths/auth-1%3AbindGroup');
    expect(JSON.parse(last().body)).toEqual({ deploymentIds: 'd1,d2' });
    expect(replied.result).toEqual(['d1', 'd2']);
    await client().bindGroupAuth('cn-north-1', 'auth-1', []);
    expect(JSON.parse(last().body)).toEqual({ deploymentIds: '' });
  });

  it('checkAuthExist posts to the checkAccessKeyExist verb and answers null when nothing matches', async () => {
    server.script(ok({ accessAuthId: 'auth-3' }), ok({ accessAuthId: null }), ok({ accessAuthId: '' }), ok({}), { status: 200, body: { requestId: 'only-id' } });
    const api = client();
    expect((await api.checkAuthExist('cn-north-1', 'jd_apikms', 'abcdef0123456789abcdef0123456789')).result).toBe('auth-3');
    expect(last().url).toBe('/v1/regions/cn-north-1/accessAuths%3AcheckAccessKeyExist');
    expect(JSON.parse(last().body)).toEqual({ accessKey: 'ABCDEF0123456789ABCDEF0123456789', authUserType: 'jd_apikms' });
    expect((await api.checkAuthExist('cn-north-1', 'jd_apikms', 'X')).result).toBeNull();
    expect((await api.checkAuthExist('cn-north-1', 'jd_apikms', 'X')).result).toBeNull();
    expect((await api.checkAuthExist('cn-north-1', 'jd_apikms', 'X')).result).toBeNull();
    const bare = await api.checkAuthExist('cn-north-1', 'jd_apikms', 'X');
    expect(bare).toEqual({ requestId: 'only-id', result: null });
  });

  it('createKey sends keyName and keyDesc and answers the APIKey upper-cased', async () => {
    server.script(ok({ accessKey: 'abcdef0123456789abcdef0123456789', secretKey: 'fedcba9876543210fedcba9876543210' }));
    const replied = await client().createKey('cn-south-1', { keyName: 'mobile', keyDesc: 'the app' });
    expect(last()).toMatchObject({ method: 'POST', url: '/v1/regions/cn-south-1/kms' });
    expect(JSON.parse(last().body)).toEqual({ keyName: 'mobile', keyDesc: 'the app' });
    expect(replied.result).toEqual({ accessKey: 'ABCDEF0123456789ABCDEF0123456789', secretKey: 'fedcba9876543210fedcba9876543210' });
  });
});

describe('results', () => {
  it('maps groups, deployments, authorizations and keys to their Gatekey shapes', async () => {
    server.script(
      ok({ totalCount: 1, apiGroups: [{ apiGroupId: 'g1', groupName: 'orders', description: null, regionId: null, domain: 'x.cn-north-1.jdcloud-api.net', authType: 'jd_cloud', prefix: '/o' }] }),
      ok({ deployments: [{ deploymentId: 'd1', environment: 'online', revision: '1.0.1', createTime: 1 }, { deploymentId: 'd2', environment: 'staging', revision: '2' }] }),
      ok({ totalCount: 2, accessAuths: [
        { accessAuthId: 'a1', authUserType: 'jd_apikms', accessKey: 'abc', description: 'd', bindGroups: 'orders', appId: null },
        { accessAuthId: 'a2', authUserType: 'jd_cloud_pin', accessKey: 'somePin', description: null },
      ] }),
      ok({ total: 1, data: [{ userId: 'u', keyId: 'a280dc988b22', keyName: 'k', accessKey: 'abc', secretKey: 'def', keyDesc: null, createTime: '2025-01-01 00:00:00' }] }),
    );
    const api = client();
    expect((await api.describeApiGroups('cn-north-1')).result).toEqual([
      { apiGroupId: 'g1', groupName: 'orders', description: '', regionId: 'cn-north-1', domain: 'x.cn-north-1.jdcloud-api.net', authType: 'jd_cloud' },
    ]);
    expect((await api.describeDeployments('cn-north-1', 'g1')).result).toEqual([{ deploymentId: 'd1', environment: 'online', revision: '1.0.1' }]);
    expect((await api.queryAccessAuths('cn-north-1')).result).toEqual([
      { accessAuthId: 'a1', authUserType: 'jd_apikms', accessKey: 'ABC', description: 'd' },
      { accessAuthId: 'a2', authUserType: 'jd_cloud_pin', accessKey: 'somePin', description: '' },
    ]);
    expect((await api.queryKeys('cn-north-1')).result).toEqual([
      { keyId: 'a280dc988b22', keyName: 'k', keyDesc: '', accessKey: 'ABC', secretKey: 'def', createTime: '2025-01-01 00:00:00' },
    ]);
  });

  it('answers the requestId of the body, else of the x-jdcloud-request-id header', async () => {
    server.script({ status: 200, body: { result: { deployments: [] } }, headers: { 'x-jdcloud-request-id': 'from-header' } });
    expect((await client().describeDeployments('cn-north-1', 'g')).requestId).toBe('from-header');
  });
});

describe('paging', () => {
  const groups = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => ({ apiGroupId: `g${from + i}`, groupName: `n${from + i}`, description: '', regionId: 'cn-north-1', domain: '', authType: 'jd_cloud' }));

  it('walks pages until totalCount is reached', async () => {
    server.script(ok({ totalCount: 200, apiGroups: groups(0, 100) }), ok({ totalCount: 200, apiGroups: groups(100, 100) }));
    const replied = await client().describeApiGroups('cn-north-1');
    expect(replied.result.map((g) => g.apiGroupId)).toEqual(groups(0, 200).map((g) => g.apiGroupId));
    expect(server.requests.map((r) => new URL(r.url, 'http://x').searchParams.get('pageNumber'))).toEqual(['1', '2']);
  });

  it('reads on past a short page while the total says more (a gateway serving fewer than asked)', async () => {
    server.script(ok({ totalCount: 25, apiGroups: groups(0, 10) }), ok({ totalCount: 25, apiGroups: groups(10, 10) }), ok({ totalCount: 25, apiGroups: groups(20, 5) }));
    const replied = await client().describeApiGroups('cn-north-1');
    expect(replied.result.map((g) => g.apiGroupId)).toEqual(groups(0, 25).map((g) => g.apiGroupId));
    expect(server.requests).toHaveLength(3);
  });

  it('stops at an empty page even when the total says more', async () => {
    server.script(ok({ total: 500, data: [] }));
    expect((await client().queryKeys('cn-north-1')).result).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });
});
