import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sign, signingDate } from '../../../electron/core/signing/signer';
import { type JdcloudEmulator, startEmulator } from '../../support/jdcloud-emulator';
import { send } from './sign';

/**
 * Cross-check: the app's own signer (electron/core/signing) and the emulator's
 * verifier were written apart; a request signed by one must pass the other,
 * with raw and escaped custom verbs, queries and bodies, in both algorithms.
 */
let emulator: JdcloudEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ regions: ['cn-north-1', 'cn-east-2'] });
});
afterAll(() => emulator.close());

function appSigned(options: { algorithm: 'JDCLOUD2' | 'JDCLOUD3'; method: string; path: string; query?: Array<[string, string]>; body?: unknown; region: string }) {
  const host = new URL(emulator.endpoint).host;
  const body = options.body === undefined ? '' : JSON.stringify(options.body);
  const signature = sign({
    algorithm: options.algorithm,
    method: options.method,
    path: options.path,
    query: options.query ?? [],
    headers: [
      ['host', host],
      ['content-type', 'application/json'],
    ],
    body,
    apiKey: emulator.account.accessKey,
    secret: emulator.account.secretKey,
    region: options.region,
    service: 'apigateway',
    date: signingDate(new Date()),
    nonce: randomUUID(),
  });
  const headers: Record<string, string> = { host, 'content-type': 'application/json' };
  for (const [name, value] of signature.headersToAdd) headers[name.toLowerCase()] = value;
  const query = (options.query ?? []).map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v)}`).join('&');
  return { method: options.method, path: options.path, query, headers, body };
}

describe('the app signer against the emulator', () => {
  for (const algorithm of ['JDCLOUD2', 'JDCLOUD3'] as const) {
    it(`${algorithm}: GET with filters, POST bodies and both spellings of a custom verb are accepted`, async () => {
      const group = emulator.addApiGroup('cn-east-2', { groupName: `orders-${algorithm}`, publish: ['online'] });
      const list = await send(
        emulator.endpoint,
        appSigned({
          algorithm,
          method: 'GET',
          path: '/v1/regions/cn-east-2/apiGroups',
          query: [
            ['pageSize', '10'],
            ['filters.1.name', 'groupName'],
            ['filters.1.values.1', `orders-${algorithm}`],
          ],
          region: 'cn-east-2',
        }),
      );
      expect(list.dropped ? list.error : list.status).toBe(200);
      const created = await send(
        emulator.endpoint,
        appSigned({
          algorithm,
          method: 'POST',
          path: '/v1/regions/cn-east-2/accessAuths',
          body: { accessAuthView: { authUserType: 'jd_apikms', accessKey: `KEY-${algorithm}`, description: 'mobile app: ünïcode' } },
          region: 'cn-east-2',
        }),
      );
      expect(created.dropped ? created.error : created.status).toBe(200);
      const id = !created.dropped && (created.json.result as { accessAuthId: string }).accessAuthId;
      for (const path of [`/v1/regions/cn-east-2/accessAuths/${id}:bindGroup`, `/v1/regions/cn-east-2/accessAuths/${id}%3AbindGroup`]) {
        const bound = await send(
          emulator.endpoint,
          appSigned({ algorithm, method: 'POST', path, body: { deploymentIds: group.deployments[0]!.deploymentId, regionId: 'cn-east-2' }, region: 'cn-east-2' }),
        );
        expect(bound.dropped ? bound.error : bound.status).toBe(200);
      }
      expect(emulator.count('bindGroupAuth', { applied: true, signature: 'valid' })).toBeGreaterThanOrEqual(2);
    });
  }
});
