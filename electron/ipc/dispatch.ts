import { z } from 'zod';
import { AppError, type FieldErrors } from '../core/errors';
import { contract, type Method, type Output, type ValidInput } from './contract';
import type { IpcError, Result } from './result';

export type Handlers = { [M in Method]: (input: ValidInput<M>) => Promise<Output<M>> | Output<M> };

export type Dispatch = (method: string, payload: unknown) => Promise<Result<unknown>>;

const isMethod = (method: string): method is Method => Object.hasOwn(contract, method);

/**
 * Validates the payload against the channel's schema, runs the handler and
 * wraps whatever happens in a Result. Never throws: a rejected ipcMain.handle
 * would reach the renderer as a bare string.
 */
export function createDispatch(handlers: Handlers, log: (message: string, error: unknown) => void = console.error): Dispatch {
  return async (method, payload) => {
    if (!isMethod(method)) return failure({ code: 'INVALID_INPUT', message: `Unknown request "${method}".` });
    // Structured clone carries Dates, Maps and typed arrays, which a schema for a
    // plain object would take for an empty one: only plain objects are requests.
    if (!isPlainObject(payload)) return failure({ code: 'INVALID_INPUT', message: 'The request must be a plain object.' });
    const parsed = contract[method].input.safeParse(payload);
    if (!parsed.success) return failure(invalidInput(parsed.error));
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      return { ok: true, data: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof AppError) return failure({ code: error.code, message: error.message, fields: error.fields, existingId: error.existingId });
      // Unknown failures are logged with the method name only: payloads may hold secrets.
      log(`Gatekey: ${method} failed`, error);
      return failure({ code: 'INTERNAL', message: 'Something went wrong inside Gatekey. Please try again; if it keeps happening, restart the app.' });
    }
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function failure(error: IpcError): Result<never> {
  if (error.fields === undefined) delete error.fields;
  if (error.existingId === undefined) delete error.existingId;
  return { ok: false, error };
}

function invalidInput(error: z.ZodError): IpcError {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      fields._ ??= `Unexpected field(s): ${issue.keys.join(', ')}.`;
      continue;
    }
    const key = issue.path.length > 0 ? issue.path.join('.') : '_';
    fields[key] ??= issue.message;
  }
  const first = Object.values(fields)[0] ?? 'The request is not valid.';
  return { code: 'INVALID_INPUT', message: first, fields };
}
