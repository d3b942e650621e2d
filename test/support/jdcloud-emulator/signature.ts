import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * JDCLOUD2/JDCLOUD3 signature verification for the emulator, written from the
 * spec (section 2) and never from the app's signer: a mistake shared by both
 * sides would otherwise make them agree. It rebuilds the canonical request from
 * the request exactly as it arrived, with the SignedHeaders the client named.
 */

export const SERVICE = 'apigateway';
/** Headers every request must sign (spec 2.3; the live window is unconfirmed, the emulator is strict). */
export const REQUIRED_SIGNED = ['content-type', 'host', 'x-jdcloud-date', 'x-jdcloud-nonce'] as const;
export const MAX_SKEW_MS = 15 * 60 * 1000;

export interface ArrivedRequest {
  method: string;
  /** The request target as sent: path and query, undecoded. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface VerifyContext {
  /** The account's SecretKey, or undefined for an unknown AccessKey. Key material: never echo it. */
  secretOf(accessKey: string): string | undefined;
  /** The regionId of the path (the scope must name it). */
  region: string;
  now: Date;
  /** Nonces already used with a valid signature. */
  seenNonce(nonce: string): boolean;
}

export type Verdict = { ok: true; accessKey: string; nonce: string } | { ok: false; reason: string; accessKey?: string };

/** RFC 3986: everything but A-Z a-z 0-9 - _ . ~ percent-encoded (UTF-8). */
const encode = (value: string) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const decodeOnce = (value: string) => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function canonicalUri(rawPath: string): string {
  if (rawPath === '' || rawPath === '/') return '/';
  return rawPath
    .split('/')
    .map((segment) => encode(decodeOnce(segment)))
    .join('/');
}

export function canonicalQueryOf(rawQuery: string): string {
  return rawQuery
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const at = pair.indexOf('=');
      const name = at < 0 ? pair : pair.slice(0, at);
      const value = at < 0 ? '' : pair.slice(at + 1);
      return [encode(decodeOnce(name)), encode(decodeOnce(value))] as const;
    })
    .filter(([name]) => name !== '')
    .sort((a, b) => byText(a[0], b[0]) || byText(a[1], b[1]))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

function headerText(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name];
  const text = Array.isArray(value) ? value.join(',') : (value ?? '');
  return text.trim().replace(/ +/g, ' ');
}

export function canonicalRequestOf(request: ArrivedRequest, signedHeaders: readonly string[]): string {
  const at = request.url.indexOf('?');
  const rawPath = at < 0 ? request.url : request.url.slice(0, at);
  const rawQuery = at < 0 ? '' : request.url.slice(at + 1);
  const block = signedHeaders.map((name) => `${name}:${headerText(request.headers, name)}\n`).join('');
  return [request.method.toUpperCase(), canonicalUri(rawPath), canonicalQueryOf(rawQuery), block, signedHeaders.join(';'), sha256(request.body)].join('\n');
}

const AUTHORIZATION = /^(JDCLOUD[23])-HMAC-SHA256 Credential=([^/\s]+)\/(\d{8})\/([^/\s]+)\/([^/\s]+)\/([^/\s,]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-fA-F]{64})$/;
const DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

function parseSigningDate(text: string): Date | undefined {
  const match = DATE.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  const moment = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
  // Rejects impossible dates such as 20240231 that Date.UTC would roll over.
  return moment.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '') === text ? moment : undefined;
}

/** Checks one request; the reason says which check failed (it never contains key material). */
export function verifyRequest(request: ArrivedRequest, context: VerifyContext): Verdict {
  const header = headerText(request.headers, 'authorization');
  if (header === '') return { ok: false, reason: 'the Authorization header is missing' };
  const match = AUTHORIZATION.exec(header);
  if (!match) return { ok: false, reason: 'the Authorization header is malformed' };
  const [, v, accessKey, day, region, service, terminator, signedList, signature] = match as unknown as [string, string, string, string, string, string, string, string, string];

  const secret = context.secretOf(accessKey);
  if (secret === undefined) return { ok: false, reason: `the AccessKey ${accessKey} is unknown` };
  const fail = (reason: string): Verdict => ({ ok: false, reason, accessKey });
  if (terminator !== `${v.toLowerCase()}_request`) return fail(`the scope ends in ${terminator}, not ${v.toLowerCase()}_request`);
  if (service !== SERVICE) return fail(`the scope's service is ${service}, not ${SERVICE}`);
  if (region !== context.region) return fail(`the scope's region is ${region}, but the path's regionId is ${context.region}`);

  const signed = signedList.split(';');
  if (signed.some((name) => name !== name.toLowerCase() || name === '')) return fail('SignedHeaders must be lower-case names');
  if ([...signed].sort(byText).join(';') !== signedList) return fail('SignedHeaders must be sorted by name');
  for (const name of REQUIRED_SIGNED) {
    if (!signed.includes(name)) return fail(`the header ${name} is not signed`);
  }
  for (const name of signed) {
    if (request.headers[name] === undefined) return fail(`the signed header ${name} was not sent`);
  }

  const dateText = headerText(request.headers, 'x-jdcloud-date');
  const moment = parseSigningDate(dateText);
  if (!moment) return fail('x-jdcloud-date is not a UTC time like 20240101T120000Z');
  if (dateText.slice(0, 8) !== day) return fail("x-jdcloud-date's day does not match the scope's date");
  const skew = Math.abs(context.now.getTime() - moment.getTime());
  if (skew > MAX_SKEW_MS) return fail(`x-jdcloud-date is ${Math.round(skew / 1000)} s away from the gateway's clock (at most 15 minutes)`);

  const nonce = headerText(request.headers, 'x-jdcloud-nonce');
  if (nonce === '') return fail('x-jdcloud-nonce is empty');

  const canonicalRequest = canonicalRequestOf(request, signed);
  const scope = `${day}/${region}/${service}/${terminator}`;
  const stringToSign = [`${v}-HMAC-SHA256`, dateText, scope, sha256(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`${v}${secret}`, day), region), service), terminator);
  const expected = createHmac('sha256', key).update(stringToSign, 'utf8').digest();
  if (!timingSafeEqual(expected, Buffer.from(signature.toLowerCase(), 'hex'))) return fail('the signature does not match the request');

  // Checked last so that a forged request cannot burn someone's nonce.
  if (context.seenNonce(nonce)) return fail('x-jdcloud-nonce was already used (replayed request)');
  return { ok: true, accessKey, nonce };
}
