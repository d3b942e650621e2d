import type { ErrorCode } from '../shared/errors';

/** Exit codes scripts can rely on; documented in the usage text. */
export const EXIT = {
  ok: 0,
  other: 1,
  usage: 2,
  unknownKey: 3,
  /** The keychain cannot be reached at all (no Secret Service, no libsecret, or it did not answer in time). */
  keychain: 4,
  /** Gatekey's data folder or store, or the --data-file, cannot be read. */
  store: 5,
  /** The keychain is there but locked: unlock it and run again. */
  keychainLocked: 6,
  /** The keychain was read and this key's APISecret is not in it. */
  secretMissing: 7,
  /** jd apply: some items of the plan failed or did not run (the per-item report says which). */
  notApplied: 6,
  /** jd commands: the gateway refused the account's credentials or their permissions (401/403). */
  gatewayAuth: 7,
} as const;

/** A failure that only the command line has, with the exit code it ends with. */
export class ExitError extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'ExitError';
  }
}

export function exitCodeOf(code: ErrorCode): number {
  switch (code) {
    case 'INVALID_INPUT':
    case 'NAME_TAKEN':
    case 'ALREADY_EXISTS':
      return EXIT.usage;
    case 'NOT_FOUND':
      return EXIT.unknownKey;
    case 'KEYCHAIN_UNAVAILABLE':
    case 'KEYCHAIN_TIMEOUT':
      return EXIT.keychain;
    case 'KEYCHAIN_LOCKED':
      return EXIT.keychainLocked;
    case 'SECRET_MISSING':
      return EXIT.secretMissing;
    case 'STORE_UNREADABLE':
    case 'STORE_READ_ONLY':
    case 'STORE_CONFLICT':
    case 'STORE_WRITE_FAILED':
      return EXIT.store;
    case 'GATEWAY_AUTH_FAILED':
      return EXIT.gatewayAuth;
    default:
      return EXIT.other;
  }
}
