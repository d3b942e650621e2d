import { AppError } from '../../../shared/errors';

/**
 * The client's failures, as AppErrors with jd* reasons. Each carries the last
 * reply's requestId (empty when no reply came) for support; none ever carries
 * the SecretKey, the Authorization header or an APISecret.
 */

/** What came back in an error reply, as the errors need it. */
export interface ErrorReplyFacts {
  status: number;
  requestId: string;
  /** The gateway's own words (already cleared of any secret). */
  message: string;
}

const saidBy = (message: string): string => (message ? ` The gateway said: ${message}` : '');

/** How far off this computer's clock must be before a 401 names it as the likely cause. */
export const SKEW_WORTH_NAMING_MINUTES = 5;

const skewWords = (minutes: number): string =>
  `This computer's clock is about ${Math.abs(minutes)} minute${Math.abs(minutes) === 1 ? '' : 's'} ${minutes > 0 ? 'ahead of' : 'behind'} the gateway's: set the date, time and time zone right (or turn on automatic time), then try again. `;

/**
 * 401: the credentials, or the clock, are wrong. Not retried: a loop would only
 * repeat the refusal. `skewMinutes` (this computer minus the gateway, from the
 * reply's Date) names the clock when it is far enough off to be the cause.
 */
export function authRefused(reply: ErrorReplyFacts, skewMinutes?: number): AppError {
  const clockIsOff = skewMinutes !== undefined && Math.abs(skewMinutes) >= SKEW_WORTH_NAMING_MINUTES;
  return new AppError(
    'GATEWAY_AUTH_FAILED',
    `JD Cloud refused the account's credentials (401): the AccessKey ID or SecretKey is wrong, or this computer's clock is off by more than the gateway allows. ` +
      (clockIsOff ? skewWords(skewMinutes) : '') +
      `Check both keys (JD Cloud console, AccessKey management) and check this computer's date, time and time zone.${saidBy(reply.message)}`,
    {
      reason: 'jdAuthRefused',
      params: { status: String(reply.status), requestId: reply.requestId, detail: reply.message, ...(clockIsOff ? { skewMinutes } : {}) },
    },
  );
}

/** 403: the credentials are right but may not use API Gateway. */
export const forbidden = (reply: ErrorReplyFacts): AppError =>
  new AppError(
    'GATEWAY_AUTH_FAILED',
    `JD Cloud refused the request (403): this account or sub-user lacks API Gateway permissions. Grant them in JD Cloud IAM, then try again.${saidBy(reply.message)}`,
    { reason: 'jdForbidden', params: { status: String(reply.status), requestId: reply.requestId, detail: reply.message } },
  );

/** Any other refusal (400, 404, 409, ...): the request as it is will not succeed; callers branch on params.status. */
export const requestRefused = (operation: string, reply: ErrorReplyFacts): AppError =>
  new AppError('GATEWAY_FAILED', `JD Cloud API Gateway refused ${operation} (${reply.status}).${saidBy(reply.message)}`, {
    reason: 'jdRequestRefused',
    params: { status: String(reply.status), requestId: reply.requestId, detail: reply.message },
  });

/** 429 or 5xx still after every attempt that was safe to make. */
export const stillFailing = (operation: string, reply: ErrorReplyFacts, attempts: number): AppError =>
  new AppError(
    'GATEWAY_FAILED',
    `JD Cloud API Gateway still answered ${reply.status} to ${operation} after ${attempts} attempt${attempts === 1 ? '' : 's'}. Try again later.${saidBy(reply.message)}`,
    { reason: 'jdStillFailing', params: { status: String(reply.status), requestId: reply.requestId, attempts } },
  );

/** No reply at all (refused, reset, timed out, DNS) after the attempts that were safe to make. */
export const unreachable = (operation: string, host: string, detail: string, attempts: number, requestId: string): AppError =>
  new AppError(
    'GATEWAY_FAILED',
    `JD Cloud API Gateway (${host}) could not be reached for ${operation} after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${detail} Check the network and the endpoint.`,
    { reason: 'jdUnreachable', params: { host, detail, attempts, requestId } },
  );

/**
 * A write whose reply was lost (5xx, reset or timeout after it was sent): it
 * may have landed. Never retried here: the caller reads the gateway first.
 */
export const unclear = (operation: string, detail: string, requestId: string, status?: number): AppError =>
  new AppError(
    'GATEWAY_FAILED',
    `It is unclear whether ${operation} was applied: ${detail} Gatekey reads the gateway's state before trying it again.`,
    { reason: 'jdUnclear', params: { operation, detail, requestId, ...(status !== undefined ? { status: String(status) } : {}) } },
  );

/** A 2xx that is not the documented envelope, or whose result is not the documented shape. */
export const replyMalformed = (operation: string, status: number, requestId: string): AppError =>
  new AppError(
    'GATEWAY_FAILED',
    `The reply to ${operation} (HTTP ${status}) is not what JD Cloud API Gateway answers. Check that the endpoint is the API Gateway's management OpenAPI.`,
    { reason: 'jdReplyMalformed', params: { status: String(status), requestId } },
  );

/** Removes a secret from text that came from outside (a gateway message, a network error) before it goes into an error. */
export function redact(text: string, ...secrets: string[]): string {
  return secrets.reduce((clean, secret) => (secret.length >= 4 ? clean.split(secret).join('[redacted]') : clean), text);
}

// --- For callers: what kind of failure it was ---

const isJdError = (error: unknown): error is AppError => error instanceof AppError && error.reason.startsWith('jd');

/** A write that may have landed: resolve it by reading (checkAuthExist, queryKeys) before any retry. */
export const isUnclear = (error: unknown): boolean => isJdError(error) && error.reason === 'jdUnclear';

/** The HTTP status the gateway answered, when it answered one (e.g. 404 on a repeated delete, 409 on a duplicate create). */
export function gatewayStatusOf(error: unknown): number | undefined {
  if (!isJdError(error)) return undefined;
  const status = Number(error.params.status);
  return Number.isInteger(status) && status > 0 ? status : undefined;
}

/** The last reply's requestId, '' when there was none. */
export const requestIdOf = (error: unknown): string => (isJdError(error) && typeof error.params.requestId === 'string' ? error.params.requestId : '');
