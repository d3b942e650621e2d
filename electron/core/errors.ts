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
  'SECRET_MISSING',
  'REQUEST_FAILED',
  'STORE_UNREADABLE',
  'STORE_WRITE_FAILED',
  'FILE_WRITE_FAILED',
  'STORE_READ_ONLY',
  'STORE_CONFLICT',
  'FORBIDDEN_SENDER',
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
