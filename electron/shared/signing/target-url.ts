import { fieldRefused } from '../errors';
import { injectionProblem, visible } from './input-rules';

/*
 * The URL, headers and query of a test call, and the region and service a
 * gateway host names: one set of rules for main, the CLI and the window.
 */

const invalid = fieldRefused;
/** An HTTP token (RFC 9110): header names and methods. */
export const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export function parseTargetUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw invalid('url', 'Enter a full URL such as https://xv3xbwah945y.cn-north-1.jdcloud-api.net/v1/items.', { reason: 'urlNotParsable' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid('url', 'Only http:// and https:// URLs can be called.', { reason: 'urlSchemeRefused' });
  if (url.username || url.password) throw invalid('url', 'Put credentials in the access key, not in the URL.', { reason: 'urlHasCredentials' });
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
    if (injection) {
      throw invalid('headers', `Header "${visible(name)}" ${injection.words}.`, { reason: 'headerInjection', params: { name: visible(name), problem: injection.id, ...injection.params } });
    }
    const lower = name.toLowerCase();
    if (seen.has(lower)) throw invalid('headers', `Header "${name}" is given twice; give it once (join values with a comma).`, { reason: 'headerTwice', params: { name } });
    seen.add(lower);
    if (RESERVED.has(lower) && lower !== 'host') throw invalid('headers', `Gatekey sets "${name}" itself when it signs; remove it from the headers.`, { reason: 'headerReserved', params: { name } });
    if (!TOKEN.test(name)) throw invalid('headers', `"${visible(name)}" is not a valid header name.`, { reason: 'headerNameInvalid', params: { name: visible(name) } });
    if (!/^[\x20-\x7e]*$/.test(value)) throw invalid('headers', `The value of header "${name}" has non-ASCII or control characters; encode it first.`, { reason: 'headerValueNotAscii', params: { name } });
    if (name.toLowerCase() === 'host') throw invalid('headers', 'The Host header is taken from the URL; remove it from the headers.', { reason: 'headerHostGiven' });
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
  // An IP address or a single-label name such as localhost names neither.
  if (/^[\d.]+$/.test(hostname) || hostname.includes(':') || !hostname.includes('.')) return {};
  const [service, region] = hostname.split('.');
  return { service, region };
}

/** Region and service of a URL as typed, or nothing while it does not parse. */
export function scopeOfUrl(url: string): { region?: string; service?: string } {
  try {
    return scopeOfHost(new URL(url.trim()).hostname);
  } catch {
    return {};
  }
}
