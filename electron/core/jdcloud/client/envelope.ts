import type { TestCallResponse } from '../../../shared/test-call/types';

/**
 * The reply envelope (spec section 4): `{requestId, result}` on success,
 * `{requestId, error: {code, status, message}}` on failure. The requestId also
 * comes as the `x-jdcloud-request-id` header, which is all there is when a
 * proxy answered instead of the gateway.
 */
export type Reply =
  | { kind: 'success'; status: number; requestId: string; result: unknown }
  | { kind: 'error'; status: number; requestId: string; message: string; retryAfterSeconds?: number; serverDate?: Date }
  /** A 2xx that is not the documented envelope: nothing in it can be trusted. */
  | { kind: 'malformed'; status: number; requestId: string };

export const headerOf = (response: TestCallResponse, name: string): string | undefined =>
  response.headers.find(([key]) => key.toLowerCase() === name)?.[1];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** `Retry-After` in seconds (a delta; an HTTP date is not used by the gateway as far as is known, so it is ignored). */
function retryAfterOf(response: TestCallResponse): number | undefined {
  const value = headerOf(response, 'retry-after')?.trim();
  if (!value || !/^\d{1,6}$/.test(value)) return undefined;
  return Number(value);
}

/** The reply's `Date` header: the gateway's clock, to tell a 401 caused by this computer's clock. */
function dateOf(response: TestCallResponse): Date | undefined {
  const value = headerOf(response, 'date');
  const moment = value ? new Date(value) : undefined;
  return moment && Number.isFinite(moment.getTime()) ? moment : undefined;
}

export function parseReply(response: TestCallResponse): Reply {
  const { status } = response;
  const json = response.truncated ? undefined : parseJson(response.body);
  const envelope = isObject(json) ? json : undefined;
  const fromBody = typeof envelope?.requestId === 'string' ? envelope.requestId : undefined;
  const requestId = fromBody ?? headerOf(response, 'x-jdcloud-request-id') ?? '';

  if (status >= 200 && status < 300) {
    // Some operations answer no `result` (updateKey; checkAuthExist may when nothing matches), but every
    // reply of the gateway names its request: a 2xx with neither is someone else's page.
    const looksLikeGateway = envelope && ('result' in envelope || fromBody !== undefined);
    if (!looksLikeGateway || isObject(envelope.error)) return { kind: 'malformed', status, requestId };
    return { kind: 'success', status, requestId, result: envelope.result };
  }
  const error = isObject(envelope?.error) ? envelope.error : undefined;
  // The gateway's own words when it sent them (shown as detail, never branched on).
  const message = typeof error?.message === 'string' ? error.message : response.statusText;
  const retryAfterSeconds = retryAfterOf(response);
  const serverDate = dateOf(response);
  return { kind: 'error', status, requestId, message, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}), ...(serverDate ? { serverDate } : {}) };
}
