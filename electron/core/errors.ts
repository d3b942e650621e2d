/**
 * Every failure that can reach the user has a code. The renderer maps codes to
 * words; `message` is a readable fallback that names the cause and, where there
 * is one, the fix.
 */
export const errorCodes = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'NAME_TAKEN',
  'ALREADY_EXISTS',
  'KEYCHAIN_UNAVAILABLE',
  /** The keychain is there but locked: secrets cannot be read, so none may be called missing. */
  'KEYCHAIN_LOCKED',
  /** The keychain did not answer in time: the call may still land later. */
  'KEYCHAIN_TIMEOUT',
  /** Only when the keychain was readable and the entry is really not there. */
  'SECRET_MISSING',
  'REQUEST_FAILED',
  'STORE_UNREADABLE',
  'STORE_WRITE_FAILED',
  'FILE_WRITE_FAILED',
  'STORE_READ_ONLY',
  'STORE_CONFLICT',
  'FORBIDDEN_SENDER',
  /** Main refused because the window asked too often (reveals, copies, sends). */
  'RATE_LIMITED',
  /** The user declined main's own confirmation (a native message box). */
  'NOT_CONFIRMED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** Field name -> what is wrong with it, for inline form errors. */
export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
    /** For ALREADY_EXISTS: the ID of the record that already exists, so the UI can point to it. */
    readonly existingId?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
