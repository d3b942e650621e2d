import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalHeaders, canonicalPath, canonicalQuery } from '../../../../electron/shared/signing/canonical';
import { sign, signingDate, type SignInput } from '../../../../electron/core/signing/signer';

describe('the published vectors', () => {
  it('JDCLOUD2: GET with a query and content-type', () => {
    const result = sign({
      algorithm: 'JDCLOUD2',
      method: 'GET',
      path: '/v1/regions/cn-north-1/instances',
      query: [
        ['pageNumber', '2'],
        ['pageSize', '10'],
      ],
      headers: [['content-type', 'application/json']],
      body: '',
      apiKey: 'ak',
      secret: 'sk',
      region: 'cn-north-1',
      service: 'service_name',
      date: '20180405T010203Z',
      nonce: '55f3919e-3a7d-4174-b117-f150ff25e274',
    });
    expect(result.signature).toBe('cea138630c57ba3de51933926e3b1657c34b4d1b6f86d360511bf40a09f63729');
    expect(result.headersToAdd).toEqual([
      ['x-jdcloud-date', '20180405T010203Z'],
      ['x-jdcloud-nonce', '55f3919e-3a7d-4174-b117-f150ff25e274'],
      [
        'Authorization',
        'JDCLOUD2-HMAC-SHA256 Credential=ak/20180405/cn-north-1/service_name/jdcloud2_request, SignedHeaders=content-type;x-jdcloud-date;x-jdcloud-nonce, Signature=cea138630c57ba3de51933926e3b1657c34b4d1b6f86d360511bf40a09f63729',
      ],
    ]);
  });

  it('JDCLOUD3: POST with a Chinese query, custom headers and a body', () => {
    const result = sign({
      algorithm: 'JDCLOUD3',
      method: 'POST',
      path: '/v1/regions/cn-north-1/instances',
      query: [['中文参数', '中文参数值']],
      headers: [
        ['x-jdcloud-algorithm', 'JDCLOUD3-HMAC-SHA256'],
        ['x-myheader', 'myhead'],
      ],
      body: '{"key":"value"}',
      apiKey: 'ak',
      secret: 'sk',
      region: 'cn-north-1',
      service: 'apigatewaytestproductline',
      date: '20190917T064708Z',
      nonce: 'X-Jdcloud-Nonce',
    });
    expect(result.signature).toBe('963c4ab8065b4ea9020152fc7ad41ef2e1d160ac411f4bfd4eb09b600e9247e9');
    expect(result.scope).toBe('20190917/cn-north-1/apigatewaytestproductline/jdcloud3_request');
    expect(result.stringToSign.split('\n').slice(0, 3)).toEqual(['JDCLOUD3-HMAC-SHA256', '20190917T064708Z', result.scope]);
  });
});

describe('canonical path', () => {
  it.each([
    ['', '/'],
    ['/', '/'],
    ['/v1/items', '/v1/items'],
    ['/v1/items:describe', '/v1/items%3Adescribe'],
    ['/v1/items%3Adescribe', '/v1/items%3Adescribe'],
    ['/a b/ü', '/a%20b/%C3%BC'],
    ['/keep-_.~/x', '/keep-_.~/x'],
    ['/100%', '/100%25'],
    ['/trailing/', '/trailing/'],
  ])('%j -> %j', (path, expected) => expect(canonicalPath(path)).toBe(expected));
});

describe('canonical query', () => {
  it('drops empty names, encodes RFC 3986 and sorts by name then value', () => {
    expect(
      canonicalQuery([
        ['b', '2'],
        ['', 'dropped'],
        ['a', 'z'],
        ['a', 'y'],
        ['sp ace', "it's *"],
        ['B', '1'],
        ['flag', ''],
      ]),
    ).toBe("B=1&a=y&a=z&b=2&flag=&sp%20ace=it%27s%20%2A");
  });
});

describe('canonical headers', () => {
  it('lower-cases names, folds value spaces, sorts, and never signs transport headers', () => {
    const { block, signedHeaders } = canonicalHeaders([
      ['X-B', '  two   words  '],
      ['Host', 'example.com:8443'],
      ['Authorization', 'x'],
      ['User-Agent', 'curl'],
      ['Content-Length', '3'],
      ['Accept', '*/*'],
      ['Connection', 'close'],
      ['x-a', 'one'],
      ['X-A', 'again'],
    ]);
    expect(block).toBe('host:example.com:8443\nx-a:one,again\nx-b:two words\n');
    expect(signedHeaders).toBe('host;x-a;x-b');
  });
});

describe('sign', () => {
  const base: SignInput = {
    algorithm: 'JDCLOUD2',
    method: 'get',
    path: '/',
    query: [],
    headers: [['host', 'svc.cn-north-1.jdcloud-api.net']],
    body: '',
    apiKey: 'AK',
    secret: 'SECRET-VALUE',
    region: 'cn-north-1',
    service: 'svc',
    date: '20261129T101010Z',
    nonce: 'n-1',
  };

  it('hashes an empty body as the empty string and ends with it', () => {
    const emptyHash = createHash('sha256').update('').digest('hex');
    expect(sign(base).canonicalRequest).toBe(`GET\n/\n\nhost:svc.cn-north-1.jdcloud-api.net\nx-jdcloud-date:20261129T101010Z\nx-jdcloud-nonce:n-1\n\nhost;x-jdcloud-date;x-jdcloud-nonce\n${emptyHash}`);
  });

  it('replaces a date or nonce the caller put in the headers with its own', () => {
    const result = sign({ ...base, headers: [...base.headers, ['X-Jdcloud-Date', '19990101T000000Z']] });
    expect(result.canonicalRequest).toContain('x-jdcloud-date:20261129T101010Z\n');
    expect(result.canonicalRequest).not.toContain('1999');
  });

  it('never puts the secret in anything it returns', () => {
    expect(JSON.stringify(sign(base))).not.toContain('SECRET-VALUE');
  });

  it('changes the signature with any signed part', () => {
    const reference = sign(base).signature;
    for (const change of [{ method: 'POST' }, { path: '/x' }, { body: 'x' }, { region: 'cn-east-2' }, { service: 'other' }, { secret: 'other' }, { algorithm: 'JDCLOUD3' as const }]) {
      expect(sign({ ...base, ...change }).signature).not.toBe(reference);
    }
  });

  it('refuses a date not in the required form', () => {
    expect(() => sign({ ...base, date: '2026-11-29T10:10:10Z' })).toThrow(/YYYYMMDDTHHMMSSZ/);
  });

  it('refuses a date in the form that names no real UTC time, rather than rolling it over', () => {
    expect(() => sign({ ...base, date: '20261399T999999Z' })).toThrow(/not a real UTC time/);
    expect(() => sign({ ...base, date: '20261131T101010Z' })).toThrow(/not a real UTC time/);
  });

  it('formats signing dates in UTC', () => {
    expect(signingDate(new Date('2026-01-02T03:04:05.678Z'))).toBe('20260102T030405Z');
  });
});
