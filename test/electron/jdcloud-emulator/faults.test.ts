import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type JdcloudEmulator, startEmulator } from '../../support/jdcloud-emulator';
import { call } from './sign';

const R = 'cn-north-1';
let emulator: JdcloudEmulator;
beforeEach(async () => {
  emulator = await startEmulator();
});
afterEach(() => emulator.close());

const create = (accessKey: string) =>
  call(emulator, { method: 'POST', path: `/v1/regions/${R}/accessAuths`, body: { accessAuthView: { authUserType: 'jd_apikms', accessKey, description: 'x' } } });

describe('injected faults', () => {
  it('status 429 answers with Retry-After and applies nothing; the next request goes through', async () => {
    emulator.inject({ operation: 'createAccessAuth', kind: 'status', status: 429, retryAfterSeconds: 3 });
    const refused = await create('K1');
    expect(refused.dropped).toBe(false);
    if (refused.dropped) return;
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('3');
    expect(refused.json).toEqual({ requestId: refused.json.requestId, error: { code: 429, status: 'RESOURCE_EXHAUSTED', message: expect.any(String) } });
    expect(emulator.snapshot(R).authorizations).toEqual([]);
    expect(emulator.pendingFaults()).toEqual([]);
    const accepted = await create('K1');
    expect(accepted.dropped ? accepted.error : accepted.status).toBe(200);
    expect(emulator.count('createAccessAuth', { applied: true })).toBe(1);
    expect(emulator.count('createAccessAuth', { applied: false, status: 429, fault: 'status' })).toBe(1);
  });

  it('status 500 and 503 without Retry-After, `times` consumes several requests in order', async () => {
    emulator.inject({ kind: 'status', status: 500, times: 2 });
    emulator.inject({ kind: 'status', status: 503 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const answer = await call(emulator, { method: 'GET', path: `/v1/regions/${R}/apiGroups` });
      if (!answer.dropped) {
        statuses.push(answer.status);
        if (answer.status !== 200) expect(answer.headers['retry-after']).toBeUndefined();
      }
    }
    expect(statuses).toEqual([500, 500, 503, 200]);
  });

  it('a fault for another operation is left for that operation', async () => {
    emulator.inject({ operation: 'deleteAccessAuth', kind: 'status', status: 503 });
    expect((await create('K2')).dropped).toBe(false);
    expect(emulator.count('createAccessAuth', { applied: true })).toBe(1);
    expect(emulator.pendingFaults()).toEqual([{ fault: { operation: 'deleteAccessAuth', kind: 'status', status: 503 }, remaining: 1 }]);
  });

  it('dropBeforeApply closes the connection and changes nothing', async () => {
    emulator.inject({ operation: 'createAccessAuth', kind: 'dropBeforeApply' });
    const answer = await create('K3');
    expect(answer.dropped).toBe(true);
    expect(emulator.snapshot(R).authorizations).toEqual([]);
    expect(emulator.requests.at(-1)).toMatchObject({ operation: 'createAccessAuth', status: 0, applied: false, fault: 'dropBeforeApply', signature: 'valid' });
  });

  it('dropAfterApply really applies the change, then closes without a reply', async () => {
    emulator.inject({ operation: 'createAccessAuth', kind: 'dropAfterApply' });
    const answer = await create('K4');
    expect(answer.dropped).toBe(true);
    expect(emulator.snapshot(R).authorizations.map((a) => a.accessKey)).toEqual(['K4']);
    expect(emulator.count('createAccessAuth', { applied: true, status: 0 })).toBe(1);
    // The repeat is a duplicate: what a client that blindly retries would meet.
    const repeat = await create('K4');
    expect(repeat.dropped ? repeat.error : repeat.status).toBe(409);
  });

  it('statusAfterApply applies, then answers 503', async () => {
    emulator.inject({ operation: 'createAccessAuth', kind: 'statusAfterApply', status: 503 });
    const answer = await create('K5');
    expect(answer.dropped ? answer.error : answer.status).toBe(503);
    expect(emulator.snapshot(R).authorizations.map((a) => a.accessKey)).toEqual(['K5']);
    expect(emulator.requests.at(-1)).toMatchObject({ status: 503, applied: true, fault: 'statusAfterApply' });
  });

  it('delay waits, then answers normally', async () => {
    emulator.inject({ operation: 'createAccessAuth', kind: 'delay', ms: 300 });
    const started = Date.now();
    const answer = await create('K6');
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(answer.dropped ? answer.error : answer.status).toBe(200);
  });

  it('a request with a bad signature does not consume a fault', async () => {
    emulator.inject({ kind: 'status', status: 503 });
    const answer = await call(emulator, { method: 'GET', path: `/v1/regions/${R}/apiGroups`, secretKey: 'wrong' });
    expect(answer.dropped ? answer.error : answer.status).toBe(401);
    expect(emulator.pendingFaults()).toHaveLength(1);
  });
});
