import type { IpcError, Result } from '../api';

/** A failed Result as the query cache's error: the IpcError travels whole, for the same words as before. */
export class IpcFailure extends Error {
  constructor(readonly error: IpcError) {
    super(error.message);
    this.name = 'IpcFailure';
  }
}

/** For query functions: the data, or a thrown IpcFailure (the cache's error state). */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new IpcFailure(result.error);
  return result.data;
}

/** The IpcError of a query's or mutation's error, whatever threw it. */
export function ipcErrorOf(error: unknown): IpcError {
  if (error instanceof IpcFailure) return error.error;
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}
