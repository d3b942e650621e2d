import { createHmac } from 'node:crypto';
import aws4 from 'aws4';
import { signTestRequest } from '../../electron/core/signing/request';
import { sign } from '../../electron/core/signing/signer';

// One request, signed each way; shared by signing.bench.ts (vitest bench) and signing.measure.ts (interleaved runs).

export const input = {
  algorithm: 'JDCLOUD2' as const,
  method: 'POST',
  path: '/v1/regions/cn-north-1/instances',
  query: [
    ['pageNumber', '2'],
    ['pageSize', '10'],
  ] as Array<[string, string]>,
  headers: [
    ['host', 'xv3xbwah945y.cn-north-1.jdcloud-api.net'],
    ['content-type', 'application/json'],
  ] as Array<[string, string]>,
  body: '{"key":"value"}',
  apiKey: '0123456789ABCDEF0123456789ABCDEF',
  secret: 'FEDCBA9876543210FEDCBA9876543210',
  region: 'cn-north-1',
  service: 'xv3xbwah945y',
  date: '20261129T101010Z',
  nonce: '55f3919e-3a7d-4174-b117-f150ff25e274',
};

/** The floor: a signature is five HMAC-SHA256 computations plus two SHA-256 hashes. */
export function bareHmacs(): void {
  let key: Buffer | string = `JDCLOUD2${input.secret}`;
  for (const data of ['20261129', 'cn-north-1', 'xv3xbwah945y', 'jdcloud2_request', 'string to sign']) key = createHmac('sha256', key).update(data).digest();
}

export function signOnce(): void {
  sign(input);
}

let fresh = 0;
/** Each call a secret never seen: the derived signing key cannot come from the cache. */
export function signNewSecret(): void {
  fresh += 1;
  sign({ ...input, secret: `${fresh.toString(16).padStart(32, '0')}` });
}

/** The peer: aws4 signs the same request (AWS Signature V4, the scheme JDCLOUD2 follows), keeping derived keys as well. */
export function aws4Once(): void {
  aws4.sign(
    {
      host: input.headers[0]![1],
      method: input.method,
      path: `${input.path}?pageNumber=2&pageSize=10`,
      service: input.service,
      region: input.region,
      body: input.body,
      headers: { 'Content-Type': 'application/json', 'X-Amz-Date': input.date },
    },
    { accessKeyId: input.apiKey, secretAccessKey: input.secret },
  );
}

/** URL parsing, checks and the curl line on top of sign(). */
export function signTestRequestOnce(): void {
  signTestRequest(
    { method: 'POST', url: 'https://xv3xbwah945y.cn-north-1.jdcloud-api.net/v1/regions/cn-north-1/instances?pageNumber=2&pageSize=10', headers: [['Content-Type', 'application/json']], body: input.body },
    { apiKey: input.apiKey, secret: input.secret },
    { algorithm: 'JDCLOUD2', date: input.date, nonce: input.nonce },
  );
}
