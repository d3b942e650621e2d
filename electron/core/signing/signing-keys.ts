import { createHash, createHmac } from 'node:crypto';

/** Combinations kept: a few keys × regions × services a day; the oldest goes first. */
const MAX_KEPT = 256;
const kept = new Map<string, Buffer>();

const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/**
 * The derived signing key (kSigning) for one secret, day, region and service:
 * four HMACs, worked out once per combination and kept, bounded. Kept under a
 * SHA-256 of what derives it, never the secret itself; a kept key can sign only
 * within its own day, region and service. Key material: never log it.
 */
export function signingKey(algorithm: string, secret: string, day: string, region: string, service: string): Buffer {
  const id = createHash('sha256').update(`${algorithm}\0${secret}\0${day}\0${region}\0${service}`, 'utf8').digest('base64');
  const found = kept.get(id);
  if (found) return found;
  const terminator = `${algorithm.toLowerCase()}_request`;
  const key = hmac(hmac(hmac(hmac(`${algorithm}${secret}`, day), region), service), terminator);
  if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!);
  kept.set(id, key);
  return key;
}
