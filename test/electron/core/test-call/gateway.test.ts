import keytar from 'keytar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../../electron/ipc/result';
import { startTestBackend, type TestBackend } from '../../../support/test-backend';
import { startVerifyingGateway, type VerifyingGateway } from '../../../support/verifying-gateway';

// The Test Call path end to end: real backend, key and secret from the real
// keychain, a request over a real socket to a gateway that verifies it.
let backend: TestBackend;
let gateway: VerifyingGateway;
let key: { id: string; apiKey: string };

function data<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

beforeEach(async () => {
  backend = await startTestBackend();
  key = data(await backend.api.accessKeys.create({ name: 'caller', description: '' }));
  const secret = (await keytar.getPassword(backend.service, key.id))!;
  gateway = await startVerifyingGateway(new Map([[key.apiKey, secret]]));
});
afterEach(async () => {
  await gateway.close();
  await backend.cleanup();
});

const call = (overrides: Record<string, unknown>) =>
  backend.api.testCall.send({
    credentials: { kind: 'stored', accessKeyId: key.id },
    algorithm: 'JDCLOUD2',
    method: 'GET',
    url: `${gateway.origin}/v1/items`,
    headers: [],
    body: '',
    region: 'cn-north-1',
    service: 'xv3xbwah945y',
    ...overrides,
  });

describe('a signed test call to a verifying gateway', () => {
  it.each([
    ['GET, no query', 'JDCLOUD2', 'GET', '/v1/items', [], ''],
    ['GET with a query', 'JDCLOUD2', 'GET', '/v1/items:search?pageSize=10&q=a%20b&q=A&empty=', [['x-trace', ' a   b ']], ''],
    ['POST with a body', 'JDCLOUD2', 'POST', '/v1/items', [['Content-Type', 'application/json']], '{"name":"x"}'],
    ['POST with query and body, JDCLOUD3', 'JDCLOUD3', 'POST', '/v1/regions/cn-north-1/items?中文=值', [['Content-Type', 'application/json'], ['x-jdcloud-algorithm', 'JDCLOUD3-HMAC-SHA256']], '{"a":"ü"}'],
    ['GET, JDCLOUD3', 'JDCLOUD3', 'GET', '/', [], ''],
  ] as const)('%s is verified', async (_label, algorithm, method, path, headers, body) => {
    const { request, response } = data(await call({ algorithm, method, url: `${gateway.origin}${path}`, headers, body }));
    expect(response.status, response.body).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ verified: true, method });
    expect(gateway.calls.at(-1)).toMatchObject({ verified: true, body });
    expect(request.canonicalRequest.startsWith(`${method}\n`)).toBe(true);
    expect(JSON.stringify({ request, response })).not.toContain((await keytar.getPassword(backend.service, key.id))!);
  });

  it('gets a readable 401 with a wrong secret, next to the canonical request', async () => {
    const { request, response } = data(await call({ credentials: { kind: 'manual', apiKey: key.apiKey, secret: 'WRONG' } }));
    expect(response.status).toBe(401);
    expect(JSON.parse(response.body)).toMatchObject({ error: 'signature mismatch' });
    expect(request.canonicalRequest).toContain('/v1/items');
  });

  it('signs with a pasted APIKey and secret for a key Gatekey does not hold', async () => {
    const secret = (await keytar.getPassword(backend.service, key.id))!;
    const { response } = data(await call({ credentials: { kind: 'manual', apiKey: ` ${key.apiKey.toLowerCase()} `, secret } }));
    expect(response.status).toBe(200);
  });

  it('previews without sending', async () => {
    const preview = data(await backend.api.testCall.preview({ credentials: { kind: 'stored', accessKeyId: key.id }, algorithm: 'JDCLOUD2', method: 'GET', url: `${gateway.origin}/x`, headers: [], body: '', region: 'cn-north-1', service: 's' }));
    expect(preview.headers.map(([name]) => name)).toEqual(['host', 'x-jdcloud-date', 'x-jdcloud-nonce', 'Authorization']);
    expect(preview.headers[0]).toEqual(['host', `127.0.0.1:${gateway.port}`]);
    expect(gateway.calls).toEqual([]);
  });

  it('reports an unreachable host without the secret', async () => {
    await gateway.close();
    const result = await call({});
    expect(result).toMatchObject({ ok: false, error: { code: 'REQUEST_FAILED', message: expect.stringMatching(/refused/) } });
    gateway = await startVerifyingGateway(new Map());
  });
});
