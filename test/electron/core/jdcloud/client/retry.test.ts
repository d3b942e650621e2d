import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sendRequest } from '../../../../../electron/adapters/http/send-request';
import { createGatewayClient, gatewayStatusOf, isUnclear, requestIdOf } from '../../../../../electron/core/jdcloud/client';
import { DEFAULT_RETRY, delayBefore, verdictOnNoReply, verdictOnStatus } from '../../../../../electron/core/jdcloud/client/retry';
import { AppError } from '../../../../../electron/shared/errors';
import type { SendRequest } from '../../../../../electron/core/ports/http-sender';
import { closedPort, failure, ok, startRecordingServer, type RecordingServer } from './recording-server';

const SECRET_KEY = 'TESTSECRETKEY0123456789ABCDEF0123';
let server: RecordingServer;
let slept: number[];

beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  slept = [];
});

const client = (options: { endpoint?: string; send?: SendRequest; attempts?: number } = {}) =>
  createGatewayClient({
    endpoint: options.endpoint ?? server.endpoint,
    accessKeyId: 'JDC_TESTACCESSKEY01',
    secretKey: SECRET_KEY,
    send: options.send ?? ((outgoing) => sendRequest(outgoing)),
    sleep: async (ms) => {
      slept.push(ms);
    },
    ...(options.attempts ? { retry: { attempts: options.attempts } } : {}),
  });

/** The error a call failed with (fails the test when it succeeded). */
async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(AppError);
  return outcome as AppError;
}

const nonceOf = (i: number) => server.requests[i]!.headers['x-jdcloud-nonce'];
const createView = { authUserType: 'jd_apikms', accessKey: 'ABCDEF0123456789ABCDEF0123456789', description: 'x' };

describe('the policy', () => {
  it('retries reads on 429 and 5xx, and writes only on 429', () => {
    for (const status of [429, 500, 502, 503, 504]) expect(verdictOnStatus('read', status)).toBe('retry');
    for (const status of [400, 404, 409, 501]) expect(verdictOnStatus('read', status)).toBe('fail');
    expect(verdictOnStatus('write', 429)).toBe('retry');
    for (const status of [500, 502, 503, 504]) expect(verdictOnStatus('write', status)).toBe('unclear');
    expect(verdictOnStatus('write', 409)).toBe('fail');
  });

  it('repeats a write only when the connection was refused', () => {
    for (const reason of ['requestReset', 'requestTimedOut', 'requestRefused', 'requestFailed']) expect(verdictOnNoReply('read', reason)).toBe('retry');
    expect(verdictOnNoReply('read', 'requestHostNotFound')).toBe('unreachable');
    expect(verdictOnNoReply('write', 'requestRefused')).toBe('retry');
    for (const reason of ['requestReset', 'requestTimedOut', 'requestFailed']) expect(verdictOnNoReply('write', reason)).toBe('unclear');
    expect(verdictOnNoReply('write', 'requestHostNotFound')).toBe('unreachable');
  });

  it('backs off exponentially with jitter, up to the cap, and honours Retry-After', () => {
    const options = { attempts: 5, baseDelayMs: 200, maxDelayMs: 1000 };
    expect([2, 3, 4, 5].map((next) => delayBefore(next, options, undefined, () => 0))).toEqual([100, 200, 400, 500]);
    expect([2, 3, 4, 5].map((next) => delayBefore(next, options, undefined, () => 1))).toEqual([200, 400, 800, 1000]);
    expect(delayBefore(2, options, 7)).toBe(7000);
    expect(delayBefore(2, options, 3600)).toBe(60_000);
    expect(DEFAULT_RETRY).toEqual({ attempts: 5, baseDelayMs: 200, maxDelayMs: 10_000 });
  });
});

describe('reads', () => {
  it('are retried on 500 and 503, each attempt with a new nonce, then succeed', async () => {
    server.script(failure(500), failure(503), ok({ deployments: [] }));
    const replied = await client().describeDeployments('cn-north-1', 'g1');
    expect(replied.result).toEqual([]);
    expect(server.requests).toHaveLength(3);
    expect(new Set([0, 1, 2].map(nonceOf)).size).toBe(3);
    expect(slept).toHaveLength(2);
    expect(slept[0]).toBeGreaterThanOrEqual(100);
    expect(slept[0]).toBeLessThanOrEqual(200);
  });

  it('wait as long as Retry-After says on a 429', async () => {
    server.script({ ...failure(429), headers: { 'retry-after': '4' } } as never, ok({ bindGroups: [] }));
    await client().queryBindGroupAuth('cn-north-1', 'a1');
    expect(slept).toEqual([4000]);
  });

  it('fail with jdStillFailing after the attempts, with the last requestId and the status', async () => {
    server.script(failure(503, 'busy', 'r-1'), failure(503, 'busy', 'r-2'), failure(503, 'busy', 'r-3'));
    const error = await errorOf(client({ attempts: 3 }).queryAccessAuths('cn-north-1'));
    expect(error).toMatchObject({ code: 'GATEWAY_FAILED', reason: 'jdStillFailing', params: { status: '503', requestId: 'r-3', attempts: 3 } });
    expect(gatewayStatusOf(error)).toBe(503);
    expect(requestIdOf(error)).toBe('r-3');
    expect(server.requests).toHaveLength(3);
  });

  it('take the requestId from the header when a proxy answered with HTML', async () => {
    server.script({ status: 502, body: '<html>bad gateway</html>', headers: { 'content-type': 'text/html', 'x-jdcloud-request-id': 'hdr-1' } });
    const error = await errorOf(client({ attempts: 1 }).describeApiGroups('cn-north-1'));
    expect(error).toMatchObject({ reason: 'jdStillFailing', params: { status: '502', requestId: 'hdr-1', attempts: 1 } });
  });

  it('are retried after a dropped connection', async () => {
    server.script({ drop: true }, ok({ total: 0, data: [] }));
    await client().queryKeys('cn-north-1');
    expect(server.requests).toHaveLength(2);
  });

  it('count checkAuthExist, a POST, as a read', async () => {
    server.script(failure(500), ok({ accessAuthId: 'a9' }));
    expect((await client().checkAuthExist('cn-north-1', 'jd_apikms', 'ABC')).result).toBe('a9');
    expect(server.requests).toHaveLength(2);
  });

  it('fail with jdUnreachable, requestId empty, when nothing ever answers', async () => {
    const port = await closedPort();
    const error = await errorOf(client({ endpoint: `http://127.0.0.1:${port}` }).describeApiGroups('cn-north-1'));
    expect(error).toMatchObject({ reason: 'jdUnreachable', params: { host: `127.0.0.1:${port}`, attempts: 5, requestId: '' } });
    expect(slept).toHaveLength(4);
    expect(requestIdOf(error)).toBe('');
  });
});

describe('writes', () => {
  it('are jdUnclear at once on a 5xx, never repeated', async () => {
    server.script(failure(500, 'oops', 'r-500'));
    const error = await errorOf(client().createAccessAuth('cn-north-1', createView));
    expect(error).toMatchObject({ code: 'GATEWAY_FAILED', reason: 'jdUnclear', params: { operation: 'createAccessAuth', status: '500', requestId: 'r-500' } });
    expect(isUnclear(error)).toBe(true);
    expect(gatewayStatusOf(error)).toBe(500);
    expect(server.requests).toHaveLength(1);
    expect(slept).toEqual([]);
  });

  it('are jdUnclear on a reset connection', async () => {
    server.script({ drop: true });
    const error = await errorOf(client().bindGroupAuth('cn-north-1', 'a1', ['d1']));
    expect(error).toMatchObject({ reason: 'jdUnclear', params: { operation: 'bindGroupAuth', requestId: '' } });
    expect(server.requests).toHaveLength(1);
  });

  it('are jdUnclear on a timeout', async () => {
    server.script({ delayMs: 1500, status: 200, body: { requestId: 'late', result: { accessAuthId: 'a1' } } });
    const error = await errorOf(client({ send: (outgoing) => sendRequest(outgoing, 300) }).deleteAccessAuth('cn-north-1', 'a1'));
    expect(error).toMatchObject({ reason: 'jdUnclear', params: { operation: 'deleteAccessAuth' } });
    expect(server.requests).toHaveLength(1);
  });

  it('are repeated after a 429, with a fresh nonce', async () => {
    server.script(failure(429), ok({ accessKey: 'abc', secretKey: 'def' }));
    const replied = await client().createKey('cn-north-1', { keyName: 'k', keyDesc: '' });
    expect(replied.result.accessKey).toBe('ABC');
    expect(server.requests).toHaveLength(2);
    expect(nonceOf(0)).not.toBe(nonceOf(1));
  });

  it('are repeated when the connection is refused, and end jdUnreachable', async () => {
    const port = await closedPort();
    const error = await errorOf(client({ endpoint: `http://127.0.0.1:${port}`, attempts: 3 }).createAccessAuth('cn-north-1', createView));
    expect(error).toMatchObject({ reason: 'jdUnreachable', params: { attempts: 3 } });
    expect(isUnclear(error)).toBe(false);
    expect(slept).toHaveLength(2);
  });
});

describe('refusals are not retried', () => {
  it('401 is jdAuthRefused, naming the keys and the clock', async () => {
    server.script(failure(401, 'signature mismatch', 'r-401'));
    const error = await errorOf(client().describeApiGroups('cn-north-1'));
    expect(error).toMatchObject({ code: 'GATEWAY_AUTH_FAILED', reason: 'jdAuthRefused', params: { status: '401', requestId: 'r-401', detail: 'signature mismatch' } });
    expect(error.message).toMatch(/SecretKey/);
    expect(error.message).toMatch(/clock/);
    expect(server.requests).toHaveLength(1);
  });

  it('403 is jdForbidden, naming IAM', async () => {
    server.script(failure(403, 'no permission'));
    const error = await errorOf(client().queryKeys('cn-north-1'));
    expect(error).toMatchObject({ code: 'GATEWAY_AUTH_FAILED', reason: 'jdForbidden', params: { status: '403' } });
    expect(error.message).toMatch(/IAM/);
  });

  it.each([400, 404, 409])('%i is jdRequestRefused with the status as text and the gateway message as detail', async (status) => {
    server.script(failure(status, `message ${status}`, `r-${status}`));
    const error = await errorOf(client().deleteAccessAuth('cn-north-1', 'a1'));
    expect(error).toMatchObject({ reason: 'jdRequestRefused', params: { status: String(status), requestId: `r-${status}`, detail: `message ${status}` } });
    expect(gatewayStatusOf(error)).toBe(status);
    expect(server.requests).toHaveLength(1);
  });
});

describe('malformed replies', () => {
  it('a 200 that is not the envelope, or whose result is not the documented shape, is jdReplyMalformed for a read and jdUnclear for a write', async () => {
    server.script(
      { status: 200, body: '<html>login</html>', headers: { 'content-type': 'text/html' } },
      { status: 200, body: { requestId: 'r-m', result: { apiGroups: 'nope' } } },
      { status: 200, body: { requestId: 'r-n', result: { accessKey: 'abc' } } },
    );
    const api = client();
    expect(await errorOf(api.describeApiGroups('cn-north-1'))).toMatchObject({ reason: 'jdReplyMalformed', params: { status: '200', requestId: '' } });
    expect(await errorOf(api.describeApiGroups('cn-north-1'))).toMatchObject({ reason: 'jdReplyMalformed', params: { requestId: 'r-m' } });
    // A write that answered success in a shape that cannot be read may well have been applied.
    const keyError = await errorOf(api.createKey('cn-north-1', { keyName: 'k', keyDesc: '' }));
    expect(keyError).toMatchObject({ reason: 'jdUnclear', params: { operation: 'createKey', status: '200', requestId: 'r-n' } });
    expect(isUnclear(keyError)).toBe(true);
  });
});

describe('secrets', () => {
  it('never appear in an error, even when the gateway quotes them', async () => {
    server.script(failure(400, `bad key ${SECRET_KEY}`), { status: 200, body: { requestId: 'r', result: { total: 1, data: [{ keyId: '', secretKey: 'APISECRET-VALUE' }] } } });
    const api = client();
    const refused = await errorOf(api.describeApiGroups('cn-north-1'));
    const malformed = await errorOf(api.queryKeys('cn-north-1'));
    for (const error of [refused, malformed]) {
      const everything = JSON.stringify({ message: error.message, params: error.params, stack: error.stack });
      expect(everything).not.toContain(SECRET_KEY);
      expect(everything).not.toContain('APISECRET-VALUE');
      expect(everything).not.toMatch(/Signature=/);
    }
  });
});
