import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { AppError } from '../../shared/errors';
import type { TestCallResponse } from '../../shared/test-call/types';

export type { TestCallResponse } from '../../shared/test-call/types';
import type { OutgoingRequest } from '../../core/ports/http-sender';
export type { OutgoingRequest };

export const SEND_TIMEOUT_MS = 30_000;
export const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;


/** Why a request failed, in words; the request's headers (which hold the signature) are never included. */
function failureOf(error: NodeJS.ErrnoException, url: URL): AppError {
  const host = url.host;
  switch (error.code) {
    case 'ECONNREFUSED':
      return new AppError('REQUEST_FAILED', `${host} refused the connection. Is the service running and the port right?`, { reason: 'requestRefused', params: { host } });
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new AppError('REQUEST_FAILED', `${url.hostname} could not be found (DNS). Check the host name and your network.`, { reason: 'requestHostNotFound', params: { hostname: url.hostname } });
    case 'ECONNRESET':
      return new AppError('REQUEST_FAILED', `${host} closed the connection before answering.`, { reason: 'requestReset', params: { host } });
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new AppError('REQUEST_FAILED', `${host} cannot be reached from this network.`, { reason: 'requestUnreachable', params: { host } });
    default:
      if (error.code?.startsWith('ERR_TLS') || /certificate|SSL|TLS/i.test(error.message)) {
        return new AppError('REQUEST_FAILED', `The TLS connection to ${host} failed: ${error.message}.`, { reason: 'requestTlsFailed', params: { host, detail: error.message } });
      }
      return new AppError('REQUEST_FAILED', `The request to ${host} failed: ${error.message}.`, { reason: 'requestFailed', params: { host, detail: error.message } });
  }
}

/**
 * Sends one request from the main process: http and https only, 30 s for the
 * whole exchange, at most 5 MiB of answer kept, redirects reported not followed.
 */
export function sendRequest(outgoing: OutgoingRequest, timeoutMs = SEND_TIMEOUT_MS): Promise<TestCallResponse> {
  const url = new URL(outgoing.url);
  const request = url.protocol === 'https:' ? httpsRequest : url.protocol === 'http:' ? httpRequest : undefined;
  if (!request) return Promise.reject(new AppError('REQUEST_FAILED', 'Only http:// and https:// URLs can be called.', { reason: 'requestSchemeRefused' }));
  const started = performance.now();

  return new Promise<TestCallResponse>((resolve, reject) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of outgoing.headers) headers[name] = value;
    const call = request(url, { method: outgoing.method, headers, agent: false }, (response: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      let truncated = false;
      response.on('data', (chunk: Buffer) => {
        if (kept >= MAX_RESPONSE_BYTES) {
          truncated = true;
          response.destroy();
          finish();
          return;
        }
        const room = MAX_RESPONSE_BYTES - kept;
        chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
        kept += Math.min(chunk.length, room);
        if (chunk.length > room) truncated = true;
      });
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        const redirectTo = redirectTarget(response.headers.location, url);
        resolve({
          status: response.statusCode ?? 0,
          statusText: response.statusMessage ?? '',
          headers: pairsOf(response.rawHeaders),
          body: Buffer.concat(chunks).toString('utf8'),
          truncated,
          timeMs: Math.round(performance.now() - started),
          ...((response.statusCode ?? 0) >= 300 && (response.statusCode ?? 0) < 400 && redirectTo ? { redirectTo } : {}),
        });
      };
      response.on('end', finish);
      response.on('error', (error) => (done ? undefined : reject(failureOf(error, url))));
    });
    const timer = setTimeout(() => {
      call.destroy(Object.assign(new Error('timeout'), { code: 'GATEKEY_TIMEOUT' }));
    }, timeoutMs);
    call.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (error.code !== 'GATEKEY_TIMEOUT') return reject(failureOf(error, url));
      const seconds = Math.round(timeoutMs / 1000);
      reject(new AppError('REQUEST_FAILED', `${url.host} did not answer within ${seconds} s.`, { reason: 'requestTimedOut', params: { host: url.host, seconds } }));
    });
    call.end(outgoing.body === '' ? undefined : outgoing.body);
  });
}

/** Where a redirect points, resolved against the request; a Location that is not a URL is shown as sent. */
function redirectTarget(location: string | undefined, base: URL): string | undefined {
  if (!location) return undefined;
  try {
    return new URL(location, base).href;
  } catch {
    return location;
  }
}

function pairsOf(raw: string[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i]!, raw[i + 1]!]);
  return pairs;
}
