import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A random 12-character [0-9a-z] ID for API groups and authorizations (about 62 bits). */
export function newRecordId(): string {
  const bytes = randomBytes(12);
  let id = '';
  // 252 = 7 * 36: bytes at or above it are dropped so every character is equally likely.
  for (const byte of bytes) if (byte < 252) id += ALPHABET[byte % 36];
  return id.length === 12 ? id : newRecordId();
}

/** Draws IDs until one is not taken. */
export function unusedId(taken: (id: string) => boolean, draw: () => string = newRecordId): string {
  for (;;) {
    const id = draw();
    if (!taken(id)) return id;
  }
}
