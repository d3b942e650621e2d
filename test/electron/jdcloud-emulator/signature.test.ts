import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type JdcloudEmulator, startEmulator } from '../../support/jdcloud-emulator';
import { type Answer, call, send, signRequest, type SignOptions } from './sign';

const R = 'cn-north-1';
const FORBIDDEN = { accessKey: 'JDC_FORBIDDEN0000000000000000', secretKey: 'forbidden-secret' };
let emulator: JdcloudEmulator;
let clock = new Date();
beforeAll(async () => {
  emulator = await startEmulator({
    regions: [R, 'cn-east-2'],
    accounts: [{ accessKey: 'JDC_ALLOWED00000000000000000', secretKey: 'allowed-secret' }, { ...FORBIDDEN, allowed: false }],
    now: () => clock,
  });
});
afterAll(() => emulator.close());

const options = (extra: Partial<SignOptions> = {}): SignOptions => ({
  endpoint: emulator.endpoint,
  ...emulator.account,
  method: 'POST',
  path: `/v1/regions/${R}/accessAuths:checkAccessKeyExist`,
  body: { authUserType: 'jd_apikms', accessKey: 'ABC' },
  ...extra,
});

/** The 401 envelope, with the reason the emulator gives. */
function expectUnauthenticated(answer: Answer, reason: RegExp): void {
  expect(answer.dropped).toBe(false);
  if (answer.dropped) return;
  expect(answer.status).toBe(401);
  expect(answer.json).toEqual({ requestId: expect.stringMatching(/^[0-9a-z]{32}$/), error: { code: 401, status: 'UNAUTHENTICATED', message: expect.stringMatching(reason) } });
  expect(answer.headers['x-jdcloud-request-id']).toBe(answer.json.requestId);
  expect(emulator.requests.at(-1)).toMatchObject({ status: 401, applied: false, signature: expect.stringMatching(reason) });
}

describe('signature verification', () => {
  it('accepts a valid JDCLOUD2 and JDCLOUD3 request, with a fresh requestId in body and header', async () => {
    const ids = new Set<string>();
    for (const algorithm of ['JDCLOUD2', 'JDCLOUD3'] as const) {
      const answer = await send(emulator.endpoint, signRequest(options({ algorithm })));
      expect(answer.dropped).toBe(false);
      if (answer.dropped) return;
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual({ requestId: expect.stringMatching(/^[0-9a-z]{32}$/), result: { accessAuthId: null } });
      expect(answer.headers['x-jdcloud-request-id']).toBe(answer.json.requestId);
      ids.add(answer.json.requestId);
    }
    expect(ids.size).toBe(2);
    expect(emulator.requests.at(-1)).toMatchObject({ operation: 'checkAuthExist', signature: 'valid', applied: true, status: 200 });
  });

  it('rejects a tampered body', async () => {
    const outgoing = signRequest(options());
    outgoing.body = JSON.stringify({ authUserType: 'jd_apikms', accessKey: 'ABD' });
    expectUnauthenticated(await send(emulator.endpoint, outgoing), /signature does not match/);
  });

  it('rejects a tampered path (another region in the path than in the scope is caught first)', async () => {
    const outgoing = signRequest(options({ method: 'GET', path: `/v1/regions/${R}/accessAuths/aaaaaaaaaaaa`, body: undefined }));
    outgoing.path = `/v1/regions/${R}/accessAuths/bbbbbbbbbbbb`;
    expectUnauthenticated(await send(emulator.endpoint, outgoing), /signature does not match/);
    const moved = signRequest(options({ method: 'GET', path: `/v1/regions/${R}/apiGroups`, body: undefined }));
    moved.path = '/v1/regions/cn-east-2/apiGroups';
    expectUnauthenticated(await send(emulator.endpoint, moved), /region is cn-north-1, but the path's regionId is cn-east-2/);
  });

  it('rejects a tampered query', async () => {
    const outgoing = signRequest(options({ method: 'GET', path: `/v1/regions/${R}/apiGroups`, query: { pageSize: 10 }, body: undefined }));
    outgoing.query = 'pageSize=20';
    expectUnauthenticated(await send(emulator.endpoint, outgoing), /signature does not match/);
  });

  it('rejects a tampered signed header', async () => {
    const outgoing = signRequest(options());
    outgoing.headers['content-type'] = 'text/plain';
    expectUnauthenticated(await send(emulator.endpoint, outgoing), /signature does not match/);
  });

  it('rejects a wrong secret and an unknown AccessKey', async () => {
    expectUnauthenticated(await send(emulator.endpoint, signRequest(options({ secretKey: 'not-the-secret' }))), /signature does not match/);
    expectUnauthenticated(await send(emulator.endpoint, signRequest(options({ accessKey: 'JDC_NOBODY' }))), /AccessKey JDC_NOBODY is unknown/);
  });

  it('rejects a scope for another region or another service', async () => {
    expectUnauthenticated(await send(emulator.endpoint, signRequest(options({ region: 'cn-east-2' }))), /region is cn-east-2, but the path's regionId is cn-north-1/);
    expectUnauthenticated(await send(emulator.endpoint, signRequest(options({ service: 'vm' }))), /service is vm, not apigateway/);
  });

  it('rejects a date more than 15 minutes off the gateway clock, either way, and accepts 14 minutes', async () => {
    const at = (minutes: number) => new Date(clock.getTime() + minutes * 60_000);
    expectUnauthenticated(await send(emulator.endpoint, signRequest(options({ now: at(-16) }))), /away from the gateway's clock/);
    expectUnauthenticated(await send(emulator.endpoint, signRequest(options({ now: at(16) }))), /away from the gateway's clock/);
    const recent = await send(emulator.endpoint, signRequest(options({ now: at(-14) })));
    expect(recent.dropped ? recent.error : recent.status).toBe(200);
  });

  it('follows an injected clock', async () => {
    const real = clock;
    clock = new Date(real.getTime() + 60 * 60_000);
    try {
      expectUnauthenticated(await send(emulator.endpoint, signRequest(options({ now: real }))), /away from the gateway's clock/);
      const answer = await send(emulator.endpoint, signRequest(options({ now: clock })));
      expect(answer.dropped ? answer.error : answer.status).toBe(200);
    } finally {
      clock = real;
    }
  });

  it('rejects a reused nonce, even on a request that is otherwise new', async () => {
    const first = await send(emulator.endpoint, signRequest(options({ nonce: 'nonce-once' })));
    expect(first.dropped ? first.error : first.status).toBe(200);
    expectUnauthenticated(await send(emulator.endpoint, signRequest(options({ nonce: 'nonce-once' }))), /nonce was already used/);
    expectUnauthenticated(
      await send(emulator.endpoint, signRequest(options({ nonce: 'nonce-once', method: 'GET', path: `/v1/regions/${R}/apiGroups`, body: undefined }))),
      /nonce was already used/,
    );
  });

  it('a forged request does not burn the nonce it carries', async () => {
    expectUnauthenticated(await send(emulator.endpoint, signRequest(options({ nonce: 'nonce-forged', secretKey: 'guess' }))), /signature does not match/);
    const genuine = await send(emulator.endpoint, signRequest(options({ nonce: 'nonce-forged' })));
    expect(genuine.dropped ? genuine.error : genuine.status).toBe(200);
  });

  it('requires host, content-type, x-jdcloud-date and x-jdcloud-nonce to be signed', async () => {
    for (const name of ['host', 'content-type', 'x-jdcloud-date', 'x-jdcloud-nonce']) {
      const signed = ['content-type', 'host', 'x-jdcloud-date', 'x-jdcloud-nonce'].filter((n) => n !== name);
      expectUnauthenticated(await send(emulator.endpoint, signRequest(options({ signed }))), new RegExp(`header ${name} is not signed`));
    }
  });

  it('rejects a missing or malformed Authorization header', async () => {
    const outgoing = signRequest(options());
    delete outgoing.headers.authorization;
    expectUnauthenticated(await send(emulator.endpoint, outgoing), /Authorization header is missing/);
    const garbled = signRequest(options());
    garbled.headers.authorization = 'Bearer abc';
    expectUnauthenticated(await send(emulator.endpoint, garbled), /Authorization header is malformed/);
  });

  it('answers 403 HTTP_FORBIDDEN to a correctly signed request of an account without permission', async () => {
    const answer = await send(emulator.endpoint, signRequest(options(FORBIDDEN)));
    expect(answer.dropped).toBe(false);
    if (answer.dropped) return;
    expect(answer.status).toBe(403);
    expect(answer.json).toEqual({ requestId: answer.json.requestId, error: { code: 403, status: 'HTTP_FORBIDDEN', message: expect.any(String) } });
    expect(emulator.requests.at(-1)).toMatchObject({ status: 403, applied: false, signature: 'valid' });
  });

  it('setAllowed withdraws and restores permission from the next request on', async () => {
    emulator.setAllowed(emulator.account.accessKey, false);
    try {
      const refused = await send(emulator.endpoint, signRequest(options()));
      expect(refused.dropped ? refused.error : refused.status).toBe(403);
    } finally {
      emulator.setAllowed(emulator.account.accessKey, true);
    }
    const allowed = await send(emulator.endpoint, signRequest(options()));
    expect(allowed.dropped ? allowed.error : allowed.status).toBe(200);
  });

  it('accepts the custom verb raw and percent-encoded (upper and lower case), signed either way', async () => {
    emulator.addApiGroup(R, { groupName: 'verbs', publish: ['test'] });
    for (const verb of [':groupList', '%3AgroupList', '%3agroupList']) {
      const answer = await call(emulator, { method: 'GET', path: `/v1/regions/${R}/accessAuths${verb}`, query: { authUserType: 'jd_apikms' } });
      expect(answer.dropped ? answer.error : answer.status).toBe(200);
      if (!answer.dropped) expect((answer.json.result as { bindGroups: unknown[] }).bindGroups.length).toBeGreaterThan(0);
    }
    expect(emulator.count('queryAuthGroupList', { applied: true })).toBe(3);
  });

  it('binds only to 127.0.0.1', () => {
    expect(emulator.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
