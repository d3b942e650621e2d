import { createHash } from 'node:crypto';

// Lists show a fingerprint per row: remember them rather than hash 100,000 APIKeys per listing.
const cache = new Map<string, string>();
const CACHE_LIMIT = 250_000;

/** First 8 hex of the SHA-256 of the APIKey: short enough to read out over the phone, to confirm a handoff. */
export function fingerprintOf(apiKey: string): string {
  const key = apiKey.toUpperCase();
  let fingerprint = cache.get(key);
  if (fingerprint === undefined) {
    fingerprint = createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 8);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, fingerprint);
  }
  return fingerprint;
}
