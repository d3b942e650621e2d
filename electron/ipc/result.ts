import type { ErrorCode, ErrorReason, FieldErrors, FieldReasons, MessageParams } from '../shared/errors';

/**
 * A failure as the window receives it: a code to act on, and enough to word it.
 *
 * - `message`: main's English words, shown as they are until the window words
 *   messages itself.
 * - `reason` + `params`: which message this is (electron/shared/error-reasons.ts
 *   lists every one with its code and param names) and exactly the values its
 *   words need. Main always sets both; they are optional only because the window
 *   makes a few errors of its own (main unreachable).
 * - `fields`: field -> main's English words, for inline form errors.
 * - `fieldReasons`: field -> { reason, params } for every key of `fields`, so a
 *   form can word each field too. A schema refusal (INVALID_INPUT with reason
 *   `invalidField`) maps zod's issue codes: too_big -> tooLong/tooMany/tooLarge
 *   { maximum }, too_small -> required (a minimum of 1 on text), tooShort, tooFew
 *   or tooSmall { minimum }, invalid_format -> invalidFormat { format },
 *   invalid_value -> notOneOf { options }, invalid_type -> invalidType { expected },
 *   unrecognized_keys -> unexpectedFields { keys } under `_`, and a rule's
 *   custom check -> the reason its refine names in `params`. Which rule a
 *   generic reason refers to follows from the field (e.g. `name` + invalidFormat).
 *   A field an AppError names carries that error's own reason unless the
 *   service gave the field one of its own.
 * - `existingId`: for ALREADY_EXISTS, the record that already exists.
 */
export interface IpcError {
  code: ErrorCode;
  message: string;
  reason?: ErrorReason;
  params?: MessageParams;
  fields?: FieldErrors;
  fieldReasons?: FieldReasons;
  existingId?: string;
}

/** What every channel resolves to. Handlers never throw across IPC. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: IpcError };
