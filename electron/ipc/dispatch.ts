import { AppError } from '../shared/errors';
import { channelDefinition, type Contract, type Method, type Namespace, type Output, type ValidInput } from './contract';
import { invalidInput, ipcErrorOf } from './ipc-error';
import type { IpcError, Result } from './result';

type Handler<M extends Method> = (input: ValidInput<M>) => Promise<Output<M>> | Output<M>;

/** What the handler files implement: per namespace, one function per channel. */
export type Handlers = { [N in Namespace]: { [C in keyof Contract[N] & string]: Handler<`${N}.${C}` & Method> } };
/** The same handlers by full method name (`accessKeys.create`): what the window guards wrap and dispatch calls. */
export type FlatHandlers = { [M in Method]: Handler<M> };

export function flattenHandlers(handlers: Handlers): FlatHandlers {
  const flat: Record<string, unknown> = {};
  for (const [ns, channels] of Object.entries(handlers)) {
    for (const [name, handler] of Object.entries(channels as Record<string, unknown>)) flat[`${ns}.${name}`] = handler;
  }
  return flat as FlatHandlers;
}

export type Dispatch = (method: string, payload: unknown) => Promise<Result<unknown>>;

/**
 * Validates the payload against the channel's schema, runs the handler and
 * wraps whatever happens in a Result. Never throws: a rejected ipcMain.handle
 * would reach the renderer as a bare string.
 */
export function createDispatch(handlers: FlatHandlers, log: (message: string, error: unknown) => void = console.error): Dispatch {
  return async (method, payload) => {
    const channel = channelDefinition(method);
    if (!channel) return failure({ code: 'INVALID_INPUT', message: `Unknown request "${method}".`, reason: 'unknownRequest', params: { method } });
    // Structured clone carries Dates, Maps and typed arrays, which a schema for a
    // plain object would take for an empty one: only plain objects are requests.
    if (!isPlainObject(payload)) return failure({ code: 'INVALID_INPUT', message: 'The request must be a plain object.', reason: 'requestNotPlainObject', params: {} });
    const parsed = channel.input.safeParse(payload);
    if (!parsed.success) return failure(invalidInput(parsed.error));
    try {
      const handler = handlers[method as Method] as (input: unknown) => unknown;
      return { ok: true, data: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof AppError) return failure(ipcErrorOf(error));
      // Unknown failures are logged with the method name only: payloads may hold secrets.
      log(`Gatekey: ${method} failed`, error);
      return failure({ code: 'INTERNAL', message: 'Something went wrong inside Gatekey. Please try again; if it keeps happening, restart the app.', reason: 'internal', params: {} });
    }
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function failure(error: IpcError): Result<never> {
  return { ok: false, error };
}
