import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A tiny API gateway on 127.0.0.1 that verifies JDCLOUD2/3 signatures the way
 * the real one does: from the request as it arrived, using the SignedHeaders it
 * names. Written apart from the app's signer on purpose, so that a shared
 * mistake cannot make both sides agree.
 */
export interface VerifiedCall {
  method: string;
  path: string;
  body: string;
  verified: boolean;
  reason?: string;
}

const encode = (value: string) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
const decode = (value: string) => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

function canonicalOf(request: IncomingMessage, body: Buffer, signedHeaders: string[]): string {
  const [rawPath = '/', rawQuery = ''] = (request.url ?? '/').split('?');
  const path = rawPath === '/' ? '/' : rawPath.split('/').map((s) => encode(decode(s))).join('/');
  const query = rawQuery
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const [name = '', ...rest] = pair.split('=');
      return [encode(decode(name)), encode(decode(rest.join('=')))];
    })
    .filter(([name]) => name !== '')
    .sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : a[1]! < b[1]! ? -1 : a[1]! > b[1]! ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  const headers = signedHeaders.map((name) => {
    const value = request.headers[name];
    const text = Array.isArray(value) ? value.join(',') : (value ?? '');
    return `${name}:${text.trim().replace(/ +/g, ' ')}\n`;
  });
  return [request.method, path, query, headers.join(''), signedHeaders.join(';'), sha256(body)].join('\n');
}

function verify(request: IncomingMessage, body: Buffer, secrets: ReadonlyMap<string, string>): { ok: boolean; reason?: string; canonicalRequest?: string } {
  const match = /^(JDCLOUD[23])-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/(jdcloud[23]_request), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
    String(request.headers.authorization ?? ''),
  );
  if (!match) return { ok: false, reason: 'missing or malformed Authorization' };
  const [, v, apiKey, day, region, service, terminator, signedList, signature] = match as unknown as string[];
  const secret = secrets.get(apiKey!);
  if (!secret) return { ok: false, reason: 'unknown APIKey' };
  const date = String(request.headers['x-jdcloud-date'] ?? '');
  if (!date.startsWith(day!)) return { ok: false, reason: 'date does not match the scope' };
  const signed = signedList!.split(';');
  if (!signed.includes('host')) return { ok: false, reason: 'host is not signed' };
  const canonicalRequest = canonicalOf(request, body, signed);
  const stringToSign = [`${v}-HMAC-SHA256`, date, `${day}/${region}/${service}/${terminator}`, sha256(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`${v}${secret}`, day!), region!), service!), terminator!);
  const expected = createHmac('sha256', key).update(stringToSign).digest('hex');
  return expected === signature ? { ok: true } : { ok: false, reason: 'signature mismatch', canonicalRequest };
}

export interface VerifyingGateway {
  origin: string;
  port: number;
  calls: VerifiedCall[];
  close(): Promise<void>;
}

export async function startVerifyingGateway(secrets: ReadonlyMap<string, string>): Promise<VerifyingGateway> {
  const calls: VerifiedCall[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const result = verify(request, body, secrets);
      calls.push({ method: request.method ?? '', path: request.url ?? '', body: body.toString(), verified: result.ok, ...(result.reason ? { reason: result.reason } : {}) });
      response.writeHead(result.ok ? 200 : 401, { 'content-type': 'application/json' });
      response.end(JSON.stringify(result.ok ? { verified: true, method: request.method, path: request.url, body: body.toString() } : { error: result.reason, canonicalRequest: result.canonicalRequest }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
