import type { CodeOf, ErrorReason, FieldReasonId, HasParams, MessageParams, ParamsOf, ReasonOf } from './error-reasons';

export type { ErrorReason, FieldReasonId, MessageParams, ParamValue } from './error-reasons';

/**
 * Every failure that can reach the user has a code, and a reason naming which
 * of that code's messages it is, with the values the words need: the renderer
 * can word it from those alone. `message` is main's English, which names the
 * cause and, where there is one, the fix.
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
  /** JD Cloud API Gateway refused the account's credentials (401) or their permissions (403). */
  'GATEWAY_AUTH_FAILED',
  /** JD Cloud API Gateway answered an error, or could not be reached, after the retries that were safe. */
  'GATEWAY_FAILED',
  /** Main refused because the window asked too often (reveals, copies, sends). */
  'RATE_LIMITED',
  /** The user declined main's own confirmation (a native message box). */
  'NOT_CONFIRMED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** Field name -> what is wrong with it, for inline form errors. */
export type FieldErrors = Record<string, string>;

/** Which message a field's words are, with the values they need (see error-reasons). */
export interface FieldReason {
  reason: FieldReasonId | ErrorReason;
  params: MessageParams;
}
export type FieldReasons = Record<string, FieldReason>;

/**
 * What an AppError carries beside its code and English message. `reason` names
 * the message (error-reasons lists them all, each with its code); `params` are
 * exactly the values that message needs, checked against that list when compiled.
 */
export type ErrorDetails<R extends ErrorReason = ErrorReason> = {
  reason: R;
  fields?: FieldErrors;
  /** For fields whose words differ from the message; the others are worded by `reason`. */
  fieldReasons?: Partial<FieldReasons>;
  /** For ALREADY_EXISTS: the ID of the record that already exists, so the UI can point to it. */
  existingId?: string;
} & (HasParams<R> extends true ? { params: ParamsOf<R> } : { params?: ParamsOf<R> });

export class AppError<R extends ErrorReason = ErrorReason> extends Error {
  readonly code: ErrorCode;
  readonly reason: ErrorReason;
  readonly params: MessageParams;
  readonly fields?: FieldErrors;
  readonly fieldReasons?: Partial<FieldReasons>;
  readonly existingId?: string;

  /** `message` is main's English words (the CLI prints them, the window shows them until it words reasons itself). */
  constructor(code: CodeOf<R>, message: string, details: ErrorDetails<R>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.reason = details.reason;
    this.params = { ...(details.params as MessageParams | undefined) };
    if (details.fields) this.fields = details.fields;
    if (details.fieldReasons) this.fieldReasons = details.fieldReasons;
    if (details.existingId !== undefined) this.existingId = details.existingId;
  }
}

/** INVALID_INPUT for any of its reasons, for helpers that refuse input. The cast holds: R is one of INVALID_INPUT's reasons. */
export function inputRefused<R extends ReasonOf<'INVALID_INPUT'>>(message: string, details: ErrorDetails<R>): AppError<R> {
  return new AppError<R>('INVALID_INPUT' as CodeOf<R>, message, details);
}

/** INVALID_INPUT for one field whose inline text is the message itself. */
export function fieldRefused<R extends ReasonOf<'INVALID_INPUT'>>(field: string, message: string, details: ErrorDetails<R>): AppError<R> {
  return inputRefused(message, { ...details, fields: { [field]: message } });
}
