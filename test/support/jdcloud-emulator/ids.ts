import { randomBytes } from 'node:crypto';

const ALNUM = '0123456789abcdefghijklmnopqrstuvwxyz';

/** `length` random characters of `alphabet` (a tiny modulo bias is fine for test IDs). */
function randomText(length: number, alphabet: string): string {
  const bytes = randomBytes(length);
  let text = '';
  for (const byte of bytes) text += alphabet[byte % alphabet.length];
  return text;
}

/** 32 lower-case letters and digits, fresh for every reply (the live format is unconfirmed; this matches the spec's example). */
export const newRequestId = (): string => randomText(32, ALNUM);
/** Group, deployment and authorization IDs: 12 lower-case letters and digits. */
export const newAlnumId = (): string => randomText(12, ALNUM);
/** kms key IDs: 12 lower-case hex, as the console shows them. */
export const newKeyId = (): string => randomBytes(6).toString('hex');
/** APIKey and APISecret: 32 hex; the APIKey upper-case as in the spec's examples. */
export const newApiKey = (): string => randomBytes(16).toString('hex').toUpperCase();
export const newApiSecret = (): string => randomBytes(16).toString('hex');

/** A JD Cloud account AccessKey/SecretKey pair for an emulator that was given none. */
export const newAccount = (): { accessKey: string; secretKey: string } => ({
  accessKey: `JDC_${randomBytes(14).toString('hex').toUpperCase()}`,
  secretKey: randomBytes(16).toString('hex').toUpperCase(),
});

/** Picks a fresh ID that `taken` does not hold. */
export function uniqueId(make: () => string, taken: { has(id: string): boolean }): string {
  for (;;) {
    const id = make();
    if (!taken.has(id)) return id;
  }
}
