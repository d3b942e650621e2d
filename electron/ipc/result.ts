import type { ErrorCode, FieldErrors } from '../core/errors';

export interface IpcError {
  code: ErrorCode;
  message: string;
  fields?: FieldErrors;
  existingId?: string;
}

/** What every channel resolves to. Handlers never throw across IPC. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: IpcError };
