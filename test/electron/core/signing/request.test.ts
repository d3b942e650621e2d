import { describe, expect, it } from 'vitest';
import { signTestRequest, type TestRequest } from '../../../../electron/core/signing/request';
import { CONTROL_CHARACTERS, codePointName } from '../../../support/control-characters';

const credentials = { apiKey: '0123456789ABCDEF0123456789ABCDEF', secret: 'FEDCBA9876543210FEDCBA9876543210' };
const options = { algorithm: 'JDCLOUD2' as const, date: '20261129T101010Z', nonce: 'nonce-1' };
const request = (overrides: Partial<TestRequest> = {}): TestRequest => ({
  method: 'GET',
  url: 'https://xv3xbwah945y.cn-north-1.jdcloud-api.net/v1/items?b=2&a=1',
  headers: [],
  body: '',
  ...overrides,
});

const errorOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error as { code: string; message: string; fields?: Record<string, string> };
  }
  throw new Error('expected a refusal');
};

describe('signing a test request', () => {
  it('takes service and region from the group host, signs host, and adds the signature headers', () => {
    const signed = signTestRequest(request(), credentials, options);
    expect(signed.service).toBe('xv3xbwah945y');
    expect(signed.region).toBe('cn-north-1');
    expect(signed.scope).toBe('20261129/cn-north-1/xv3xbwah945y/jdcloud2_request');
    expect(signed.signedHeaders).toBe('host;x-jdcloud-date;x-jdcloud-nonce');
    expect(signed.headers.map(([name]) => name)).toEqual(['host', 'x-jdcloud-date', 'x-jdcloud-nonce', 'Authorization']);
    expect(signed.canonicalRequest.split('\n').slice(0, 3)).toEqual(['GET', '/v1/items', 'a=1&b=2']);
  });

  it('signs the port in host unless it is the scheme default', () => {
    expect(signTestRequest(request({ url: 'https://svc.cn-north-1.example.com:443/' }), credentials, options).canonicalRequest).toContain('\nhost:svc.cn-north-1.example.com\n');
    expect(signTestRequest(request({ url: 'http://svc.cn-north-1.example.com:8080/' }), credentials, options).canonicalRequest).toContain('\nhost:svc.cn-north-1.example.com:8080\n');
  });

  it('takes region and service overrides, and needs them for an IP address', () => {
    expect(errorOf(() => signTestRequest(request({ url: 'http://127.0.0.1:9000/x' }), credentials, options))).toMatchObject({ code: 'INVALID_INPUT', fields: { region: expect.any(String) } });
    const signed = signTestRequest(request({ url: 'http://127.0.0.1:9000/x' }), credentials, { ...options, region: 'cn-north-1', service: 'svc' });
    expect(signed.scope).toBe('20261129/cn-north-1/svc/jdcloud2_request');
  });

  it('keeps "+" in a query as a plus sign, as the gateway reads it', () => {
    expect(signTestRequest(request({ url: 'https://s.r.example.com/?q=a+b' }), credentials, options).canonicalRequest).toContain('\nq=a%2Bb\n');
  });

  it('builds a curl command that carries the signature but not the secret', () => {
    const signed = signTestRequest(request({ method: 'post', body: `{"it's":1}`, headers: [['Content-Type', 'application/json']] }), credentials, options);
    expect(signed.curl).toContain("curl -sS -X POST 'https://xv3xbwah945y.cn-north-1.jdcloud-api.net/v1/items?b=2&a=1'");
    expect(signed.curl).toContain(`-H 'Authorization: JDCLOUD2-HMAC-SHA256 Credential=${credentials.apiKey}/`);
    expect(signed.curl).toContain(`--data-raw '{"it'\\''s":1}'`);
    expect(JSON.stringify(signed)).not.toContain(credentials.secret);
  });

  it.each([
    ['not a URL', request({ url: 'xv3xbwah945y/v1' }), 'url', /full URL/],
    ['an ftp URL', request({ url: 'ftp://example.com/file' }), 'url', /Only http/],
    ['a URL with credentials', request({ url: 'https://user:pw@example.com/' }), 'url', /not in the URL/],
    ['CR/LF in a header value', request({ headers: [['X-A', 'ok\r\nX-Evil: 1']] }), 'headers', /header injection/],
    ['LF in a header name', request({ headers: [['X-A\nX-Evil', '1']] }), 'headers', /header injection/],
    ['a non-ASCII header value', request({ headers: [['X-Name', 'Zoë']] }), 'headers', /non-ASCII/],
    ['an invalid header name', request({ headers: [['X A', '1']] }), 'headers', /not a valid header name/],
    ['a Host header', request({ headers: [['Host', 'other']] }), 'headers', /taken from the URL/],
    ['a header given twice', request({ headers: [['X-A', '1'], ['x-a', '2']] }), 'headers', /given twice/],
    ['an Authorization header', request({ headers: [['authorization', 'x']] }), 'headers', /sets "authorization" itself/],
    ['a date header in another case', request({ headers: [['X-JDCLOUD-DATE', '20200101T000000Z']] }), 'headers', /sets "X-JDCLOUD-DATE" itself/],
    ['a body over 10 MiB', request({ method: 'POST', body: 'x'.repeat(10 * 1024 * 1024 + 1) }), 'body', /over 10 MiB/],
    ['a bad method', request({ method: 'GE T' }), 'method', /not an HTTP method/],
  ])('refuses %s, without the secret in the message', (_label, input, field, message) => {
    const error = errorOf(() => signTestRequest(input, credentials, options));
    expect(error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(message), fields: { [field]: expect.any(String) } });
    expect(JSON.stringify(error)).not.toContain(credentials.secret);
  });

  it('refuses a date not in the required form', () => {
    expect(() => signTestRequest(request(), credentials, { ...options, date: '20261129' })).toThrow(/YYYYMMDDTHHMMSSZ/);
  });

  it('refuses a date in the right form that is no real UTC time', () => {
    expect(errorOf(() => signTestRequest(request(), credentials, { ...options, date: '20261399T999999Z' }))).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/not a real UTC time/), fields: { date: expect.any(String) } });
  });

  // Region, service and nonce end up in the Authorization and x-jdcloud-nonce header lines and in the curl preview.
  it.each(CONTROL_CHARACTERS.map((c) => [codePointName(c), c]))('refuses %s in region, service, nonce and every header name and value', (_label, c) => {
    const cases: Array<[string, () => unknown]> = [
      ['region', () => signTestRequest(request(), credentials, { ...options, region: `cn-north-1${c}X-Evil: 1` })],
      ['region', () => signTestRequest(request(), credentials, { ...options, region: `cn-north-1${c}` })],
      ['service', () => signTestRequest(request(), credentials, { ...options, service: `svc${c}X-Evil: 1` })],
      ['nonce', () => signTestRequest(request(), credentials, { ...options, nonce: `n-1${c}X-Evil: 1` })],
      ['headers', () => signTestRequest(request({ headers: [['X-A', `ok${c}X-Evil: 1`]] }), credentials, options)],
      ['headers', () => signTestRequest(request({ headers: [[`X-A${c}`, 'ok']] }), credentials, options)],
    ];
    for (const [field, run] of cases) {
      const error = errorOf(run);
      expect(error, field).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/header injection/), fields: { [field]: expect.any(String) } });
      expect(error.message).not.toContain(c);
    }
  });

  it.each([
    ['an upper-case region', { region: 'CN-NORTH-1' }, 'region', /The region "CN-NORTH-1" is not a region/],
    ['a region with a quote', { region: "cn'1" }, 'region', /is not a region/],
    ['a service with a space', { service: 'my svc' }, 'service', /is not a service name/],
    ['a nonce with a space', { nonce: 'n 1' }, 'nonce', /The nonce must be 1 to 128 printable ASCII/],
    ['a 129-character nonce', { nonce: 'n'.repeat(129) }, 'nonce', /printable ASCII/],
  ])('refuses %s', (_label, override, field, message) => {
    expect(errorOf(() => signTestRequest(request(), credentials, { ...options, ...override }))).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(message), fields: { [field]: expect.any(String) } });
  });

  it('checks what the host names as strictly as a typed region and service', () => {
    const error = errorOf(() => signTestRequest(request({ url: 'https://a$(id).cn-north-1.example.com/' }), credentials, options));
    expect(error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/The service named by the host "a\$\(id\)" is not a service name/), fields: { service: expect.any(String) } });
    expect(signTestRequest(request({ url: 'https://a$(id).cn-north-1.example.com/' }), credentials, { ...options, service: 'svc' }).scope).toBe('20261129/cn-north-1/svc/jdcloud2_request');
  });
});
