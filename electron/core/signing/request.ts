import { AppError } from '../errors';
import { curlCommand } from './curl';
import { injectionProblem, nonceProblem, regionProblem, serviceProblem, signingDateProblem, visible, type Problem } from './input-rules';
import { sign } from './signer';
import type { Algorithm, SignedRequest } from './types';

export type { SignedRequest } from './types';

/** Larger bodies are refused before signing: a test call has no business sending them. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface TestRequest {
  method: string;
  url: string;
  headers: ReadonlyArray<readonly [string, string]>;
  body: string;
}

export interface SigningCredentials {
  apiKey: string;
  /** Key material: never log it, never echo it back. */
  secret: string;
}

export interface SigningOptions {
  algorithm: Algorithm;
  /** Override what the host says (its second label). */
  region?: string;
  /** Override what the host says (its first label). */
  service?: string;
  date: string;
  nonce: string;
}

const invalid = (field: string, message: string) => new AppError('INVALID_INPUT', message, { [field]: message });
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export function parseTargetUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw invalid('url', 'Enter a full URL such as https://xv3xbwah945y.cn-north-1.jdcloud-api.net/v1/items.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid('url', 'Only http:// and https:// URLs can be called.');
  if (url.username || url.password) throw invalid('url', 'Put credentials in the access key, not in the URL.');
  return url;
}

/**
 * Header names must be HTTP tokens; values printable ASCII without tabs.
 * A line break or any other control character anywhere would inject headers
 * (into the request, the printed header lines or the curl preview).
 */
const RESERVED = new Set(['host', 'authorization', 'x-jdcloud-date', 'x-jdcloud-nonce']);

export function checkHeaders(headers: ReadonlyArray<readonly [string, string]>): void {
  const seen = new Set<string>();
  for (const [name, value] of headers) {
    // First, so that no later message quotes a control character back to the screen or terminal.
    const injection = injectionProblem(name) ?? injectionProblem(value);
    if (injection) throw invalid('headers', `Header "${visible(name)}" ${injection}.`);
    const lower = name.toLowerCase();
    if (seen.has(lower)) throw invalid('headers', `Header "${name}" is given twice; give it once (join values with a comma).`);
    seen.add(lower);
    if (RESERVED.has(lower) && lower !== 'host') throw invalid('headers', `Gatekey sets "${name}" itself when it signs; remove it from the headers.`);
    if (!TOKEN.test(name)) throw invalid('headers', `"${visible(name)}" is not a valid header name.`);
    if (!/^[\x20-\x7e]*$/.test(value)) throw invalid('headers', `The value of header "${name}" has non-ASCII or control characters; encode it first.`);
    if (name.toLowerCase() === 'host') throw invalid('headers', 'The Host header is taken from the URL; remove it from the headers.');
  }
}

/** Query pairs as sent, without URLSearchParams' "+ means space" (the gateway does not do that). */
export function queryPairs(search: string): Array<[string, string]> {
  const decode = (value: string) => {
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  };
  return search
    .replace(/^\?/, '')
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const at = part.indexOf('=');
      return at < 0 ? [decode(part), ''] : [decode(part.slice(0, at)), decode(part.slice(at + 1))];
    });
}

/** Region and service from a gateway host such as xv3xbwah945y.cn-north-1.jdcloud-api.net. */
export function scopeOfHost(hostname: string): { service?: string; region?: string } {
  if (/^[\d.]+$/.test(hostname) || hostname.includes(':')) return {};
  const [service, region] = hostname.split('.');
  return { service, region };
}

/** Throws for the first field whose rule finds a problem; the message starts with the field's name. */
function check(field: string, label: string, value: string, problemOf: (value: string) => Problem): void {
  const problem = problemOf(value);
  if (problem) throw invalid(field, `${label} ${problem}.`);
}

export function signTestRequest(request: TestRequest, credentials: SigningCredentials, options: SigningOptions): SignedRequest {
  const url = parseTargetUrl(request.url);
  checkHeaders(request.headers);
  if (Buffer.byteLength(request.body, 'utf8') > MAX_BODY_BYTES) throw invalid('body', 'The body is over 10 MiB; a test call cannot send that much.');
  const method = request.method.toUpperCase();
  if (!TOKEN.test(method)) throw invalid('method', `"${visible(request.method)}" is not an HTTP method.`);

  // Checked before trimming: trim() would quietly drop a trailing line break or U+2028 that should be refused.
  if (options.region !== undefined) check('region', 'The region', options.region, injectionProblem);
  if (options.service !== undefined) check('service', 'The service', options.service, injectionProblem);
  check('nonce', 'The nonce', options.nonce, nonceProblem);
  check('date', 'The date', options.date, signingDateProblem);
  const fromHost = scopeOfHost(url.hostname);
  const region = options.region?.trim() || fromHost.region;
  const service = options.service?.trim() || fromHost.service;
  if (!region) throw invalid('region', 'The host does not name a region; enter the region (such as cn-north-1).');
  if (!service) throw invalid('service', 'The host does not name a service; enter the service name.');
  // A host may hold characters no scope allows (such as ' or $), so what it names is checked like a typed value.
  check('region', options.region?.trim() ? 'The region' : 'The region named by the host', region, regionProblem);
  check('service', options.service?.trim() ? 'The service' : 'The service named by the host', service, serviceProblem);

  // URL.host keeps the port only when it is not the scheme's default, which is what goes on the wire.
  const headers: Array<[string, string]> = [...request.headers.map(([n, v]) => [n, v] as [string, string]), ['host', url.host]];
  const signature = sign({
    algorithm: options.algorithm,
    method,
    path: url.pathname,
    query: queryPairs(url.search),
    headers,
    body: request.body,
    apiKey: credentials.apiKey,
    secret: credentials.secret,
    region,
    service,
    date: options.date,
    nonce: options.nonce,
  });
  const sent: Array<[string, string]> = [...headers, ...signature.headersToAdd];
  const curl = curlCommand({ method, url: url.href, headers: sent, body: request.body });
  return { ...signature, method, url: url.href, headers: sent, body: request.body, region, service, curl };
}
