/**
 * The management API's reply envelope (spec section 4): `{requestId, result}` on
 * success, `{requestId, error: {code, status, message}}` otherwise, and the
 * requestId also in the `x-jdcloud-request-id` header.
 */

/** Google-style status words; clients must branch on the HTTP status, never on these. */
const STATUS_WORDS: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'HTTP_FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

export const statusWordOf = (status: number): string => STATUS_WORDS[status] ?? 'UNKNOWN';

/** A refusal an operation answers with (nothing was changed). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface Reply {
  status: number;
  body: Record<string, unknown>;
  headers: Record<string, string>;
}

export function okReply(requestId: string, result: unknown): Reply {
  // Operations without a result (updateKey) answer only the requestId.
  const body: Record<string, unknown> = result === undefined ? { requestId } : { requestId, result };
  return { status: 200, body, headers: {} };
}

export function errorReply(requestId: string, status: number, message: string, headers: Record<string, string> = {}): Reply {
  return { status, body: { requestId, error: { code: status, status: statusWordOf(status), message } }, headers };
}
