import { fieldRefused } from '../../shared/errors';
import { curlCommand } from '../../shared/signing/curl';
import { injectionProblem, nonceProblem, regionProblem, serviceProblem, signingDateProblem, visible, type Problem } from '../../shared/signing/input-rules';
import { sign } from './signer';
import { checkHeaders, parseTargetUrl, queryPairs, scopeOfHost, TOKEN } from '../../shared/signing/target-url';
import type { Algorithm, SignedRequest } from '../../shared/signing/types';

export type { SignedRequest } from '../../shared/signing/types';
export { checkHeaders, parseTargetUrl };

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

const invalid = fieldRefused;

/** Throws for the first field whose rule finds a problem; the message starts with the field's name (and says when the URL's host named it). */
function check(field: 'region' | 'service' | 'nonce' | 'date', source: 'typed' | 'host', value: string, problemOf: (value: string) => Problem): void {
  const problem = problemOf(value);
  if (!problem) return;
  const label = source === 'host' ? `The ${field} named by the host` : `The ${field}`;
  throw invalid(field, `${label} ${problem.words}.`, { reason: 'signingValueRefused', params: { field, source, problem: problem.id, ...problem.params } });
}

export function signTestRequest(request: TestRequest, credentials: SigningCredentials, options: SigningOptions): SignedRequest {
  const url = parseTargetUrl(request.url);
  checkHeaders(request.headers);
  if (Buffer.byteLength(request.body, 'utf8') > MAX_BODY_BYTES) throw invalid('body', 'The body is over 10 MiB; a test call cannot send that much.', { reason: 'bodyTooLarge', params: { maxMiB: MAX_BODY_BYTES / 1024 / 1024 } });
  const method = request.method.toUpperCase();
  if (!TOKEN.test(method)) throw invalid('method', `"${visible(request.method)}" is not an HTTP method.`, { reason: 'methodInvalid', params: { method: visible(request.method) } });

  // Checked before trimming: trim() would quietly drop a trailing line break or U+2028 that should be refused.
  if (options.region !== undefined) check('region', 'typed', options.region, injectionProblem);
  if (options.service !== undefined) check('service', 'typed', options.service, injectionProblem);
  check('nonce', 'typed', options.nonce, nonceProblem);
  check('date', 'typed', options.date, signingDateProblem);
  const fromHost = scopeOfHost(url.hostname);
  const region = options.region?.trim() || fromHost.region;
  const service = options.service?.trim() || fromHost.service;
  if (!region) throw invalid('region', 'The host does not name a region; enter the region (such as cn-north-1).', { reason: 'hostNamesNoRegion' });
  if (!service) throw invalid('service', 'The host does not name a service; enter the service name.', { reason: 'hostNamesNoService' });
  // A host may hold characters no scope allows (such as ' or $), so what it names is checked like a typed value.
  check('region', options.region?.trim() ? 'typed' : 'host', region, regionProblem);
  check('service', options.service?.trim() ? 'typed' : 'host', service, serviceProblem);

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
