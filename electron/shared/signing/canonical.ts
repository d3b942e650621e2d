/**
 * The canonical forms of the JD Cloud API gateway signature (JDCLOUD2/3):
 * what both the signer and a verifying gateway rebuild from a request.
 */

const UNRESERVED_ONLY = /^[A-Za-z0-9\-_.~]*$/;

/** RFC 3986 encoding: everything but A-Z a-z 0-9 - _ . ~ is percent-encoded (UTF-8). */
export function rfc3986(value: string): string {
  // Most names, values and segments need no escape at all: skip the encoder (a measured share of signing).
  if (UNRESERVED_ONLY.test(value)) return value;
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Decodes percent-escapes where they are valid, leaving a stray '%' as it is. */
function decodeLoosely(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Each path segment encoded once (a path typed with or without escapes gives
 * the same result, so `:` and `%3A` are the same); an empty path is `/`.
 */
export function canonicalPath(path: string): string {
  if (path === '' || path === '/') return '/';
  const absolute = path.startsWith('/') ? path : `/${path}`;
  return absolute
    .split('/')
    .map((segment) => rfc3986(decodeLoosely(segment)))
    .join('/');
}

/** Pairs with an empty name dropped; names and values encoded; sorted by name, then value. */
export function canonicalQuery(pairs: ReadonlyArray<readonly [string, string]>): string {
  return pairs
    .filter(([name]) => name !== '')
    .map(([name, value]) => [rfc3986(name), rfc3986(value)] as const)
    .sort(([nameA, valueA], [nameB, valueB]) => compare(nameA, nameB) || compare(valueA, valueB))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Headers a gateway or proxy may change in transit: never signed. */
export const UNSIGNED_HEADERS = new Set(['authorization', 'user-agent', 'content-length', 'accept', 'connection']);

export interface CanonicalHeaders {
  /** `name:value\n` for each signed header, sorted by name. */
  block: string;
  /** Signed header names joined with `;`. */
  signedHeaders: string;
}

/** Lower-case names, trimmed values with inner runs of spaces folded to one; repeated names joined with ','. */
export function canonicalHeaders(headers: ReadonlyArray<readonly [string, string]>): CanonicalHeaders {
  const byName = new Map<string, string[]>();
  for (const [rawName, rawValue] of headers) {
    const name = rawName.trim().toLowerCase();
    if (UNSIGNED_HEADERS.has(name)) continue;
    const trimmed = rawValue.trim();
    const value = trimmed.includes('  ') ? trimmed.replace(/ +/g, ' ') : trimmed;
    byName.set(name, [...(byName.get(name) ?? []), value]);
  }
  const names = [...byName.keys()].sort(compare);
  return {
    block: names.map((name) => `${name}:${byName.get(name)!.join(',')}\n`).join(''),
    signedHeaders: names.join(';'),
  };
}
