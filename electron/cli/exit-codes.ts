import type { ErrorCode } from '../core/errors';

/** Exit codes scripts can rely on; documented in the usage text. */
export const EXIT = { ok: 0, other: 1, usage: 2, unknownKey: 3, keychain: 4, store: 5 } as const;

export function exitCodeOf(code: ErrorCode): number {
  switch (code) {
    case 'INVALID_INPUT':
      return EXIT.usage;
    case 'NOT_FOUND':
      return EXIT.unknownKey;
    case 'KEYCHAIN_UNAVAILABLE':
    case 'SECRET_MISSING':
      return EXIT.keychain;
    case 'STORE_UNREADABLE':
      return EXIT.store;
    default:
      return EXIT.other;
  }
}
