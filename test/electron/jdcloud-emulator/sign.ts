import { createHash, createHmac, randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';

/**
 * A tiny JDCLOUD2/3 signer for the emulator's tests, written from the spec
 * (section 2.2) apart from both the app's signer and the emulator's verifier,
 * plus a raw HTTP sender that sends exactly what it is given.
 */

export interface OutgoingRequest {
  method: string;
  /** The path as sent, e.g. `/v1/regions/cn-north-1/accessAuths%3AgroupList`. */
  path: string;
  /** The query as sent, without `?`. */
  query: string;
  headers: Record<string, string>;
  body: string;
}

export interface SignOptions {
  endpoint: string;
  accessKey: string;
  secretKey: string;
  method: string;
  path: string;
  query?: Record<string, string | number>;
  body?: unknown;
  /** Sent as is instead of JSON of `body` (for malformed bodies). */
  rawBody?: string;
  region?: string;
  service?: string;
  algorithm?: 'JDCLOUD2' | 'JDCLOUD3';
  now?: Date;
  nonce?: string;
  /** Headers to sign (lower-case); default content-type, host, x-jdcloud-date, x-jdcloud-nonce. */
  signed?: string[];
}

const rfc3986 = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const mac = (key: string | Buffer, s: string) => createHmac('sha256', key).update(s).digest();

export function signRequest(options: SignOptions): OutgoingRequest {
  const algorithm = options.algorithm ?? 'JDCLOUD2';
  const region = options.region ?? /\/regions\/([^/]+)/.exec(options.path)?.[1] ?? 'cn-north-1';
  const service = options.service ?? 'apigateway';
  const date = (options.now ?? new Date()).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const day = date.slice(0, 8);
  const body = options.rawBody ?? (options.body === undefined ? '' : JSON.stringify(options.body));
  const query = Object.entries(options.query ?? {})
    .map(([name, value]) => `${rfc3986(name)}=${rfc3986(String(value))}`)
    .join('&');
  const headers: Record<string, string> = {
    host: new URL(options.endpoint).host,
    'content-type': 'application/json',
    'x-jdcloud-date': date,
    'x-jdcloud-nonce': options.nonce ?? randomUUID(),
  };
  const signed = [...(options.signed ?? ['content-type', 'host', 'x-jdcloud-date', 'x-jdcloud-nonce'])].sort();
  const canonicalPath = options.path
    .split('/')
    .map((segment) => rfc3986(decodeURIComponent(segment)))
    .join('/');
  const canonicalQuery = query
    .split('&')
    .filter(Boolean)
    .map((pair) => pair.split('=') as [string, string])
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  const canonical = [
    options.method,
    canonicalPath,
    canonicalQuery,
    signed.map((name) => `${name}:${headers[name] ?? ''}\n`).join(''),
    signed.join(';'),
    sha(body),
  ].join('\n');
  const v = algorithm.toLowerCase();
  const scope = `${day}/${region}/${service}/${v}_request`;
  const toSign = [`${algorithm}-HMAC-SHA256`, date, scope, sha(canonical)].join('\n');
  const key = mac(mac(mac(mac(`${algorithm}${options.secretKey}`, day), region), service), `${v}_request`);
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  headers.authorization = `${algorithm}-HMAC-SHA256 Credential=${options.accessKey}/${scope}, SignedHeaders=${signed.join(';')}, Signature=${signature}`;
  return { method: options.method, path: options.path, query, headers, body };
}

export type Answer =
  | { dropped: false; status: number; headers: Record<string, string | string[] | undefined>; json: Record<string, unknown> & { requestId: string } }
  | { dropped: true; error: string };

export function send(endpoint: string, outgoing: OutgoingRequest): Promise<Answer> {
  const url = new URL(endpoint);
  return new Promise((resolve) => {
    const request = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: outgoing.method,
        path: outgoing.query ? `${outgoing.path}?${outgoing.query}` : outgoing.path,
        headers: { ...outgoing.headers, 'content-length': String(Buffer.byteLength(outgoing.body)) },
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ dropped: false, status: response.statusCode ?? 0, headers: response.headers, json: JSON.parse(Buffer.concat(chunks).toString()) }),
        );
      },
    );
    request.on('error', (error) => resolve({ dropped: true, error: error.message }));
    request.end(outgoing.body);
  });
}

/** Signs with the emulator's first account and sends. */
export const call = (emulator: { endpoint: string; account: { accessKey: string; secretKey: string } }, options: Omit<SignOptions, 'endpoint' | 'accessKey' | 'secretKey'> & Partial<Pick<SignOptions, 'accessKey' | 'secretKey'>>) =>
  send(emulator.endpoint, signRequest({ endpoint: emulator.endpoint, ...emulator.account, ...options }));
