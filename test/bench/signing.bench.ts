import { createHmac } from 'node:crypto';
import { bench, describe } from 'vitest';
import { signTestRequest } from '../../electron/core/signing/request';
import { sign } from '../../electron/core/signing/signer';

const input = {
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

describe('signatures per second', () => {
  // The floor: a signature is five HMAC-SHA256 computations plus two SHA-256 hashes.
  bench('bare crypto.createHmac x5 (floor)', () => {
    let key: Buffer | string = `JDCLOUD2${input.secret}`;
    for (const data of ['20261129', 'cn-north-1', 'xv3xbwah945y', 'jdcloud2_request', 'string to sign']) key = createHmac('sha256', key).update(data).digest();
  });

  bench('sign() (canonical request + signature)', () => {
    sign(input);
  });

  bench('signTestRequest() (URL parsing, checks, curl)', () => {
    signTestRequest(
      { method: 'POST', url: 'https://xv3xbwah945y.cn-north-1.jdcloud-api.net/v1/regions/cn-north-1/instances?pageNumber=2&pageSize=10', headers: [['Content-Type', 'application/json']], body: input.body },
      { apiKey: input.apiKey, secret: input.secret },
      { algorithm: 'JDCLOUD2', date: input.date, nonce: input.nonce },
    );
  });
});
