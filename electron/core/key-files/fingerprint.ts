import { createHash } from 'node:crypto';

/** First 8 hex of the SHA-256 of the APIKey: short enough to read out over the phone, to confirm a handoff. */
export const fingerprintOf = (apiKey: string): string =>
  createHash('sha256').update(apiKey.toUpperCase(), 'utf8').digest('hex').slice(0, 8);
