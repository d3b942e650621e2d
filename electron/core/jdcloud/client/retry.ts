import type { OperationRequest } from './request';

/**
 * When an attempt may be repeated. Reads are always safe to repeat; writes only
 * when the gateway cannot have applied them (throttled, or the connection was
 * refused before anything was sent). Decisions rest on HTTP statuses and the
 * transport's failure reason, never on message text.
 */

export interface RetryOptions {
  /** Attempts in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { attempts: 5, baseDelayMs: 200, maxDelayMs: 10_000 };
/** A Retry-After is honoured up to this; beyond it the gateway is effectively down for us. */
export const MAX_RETRY_AFTER_MS = 60_000;

/** 429 and the statuses of a gateway or proxy in trouble. */
const TRANSIENT_STATUSES = new Set([429, 500, 502, 503, 504]);
/** Transport failures after which a read can simply be tried again. */
const NO_REPLY_RETRYABLE = new Set(['requestReset', 'requestTimedOut', 'requestRefused', 'requestFailed']);
/** Transport failures after which a write may have reached the gateway. */
const NO_REPLY_UNCLEAR = new Set(['requestReset', 'requestTimedOut', 'requestFailed']);

export type ReplyVerdict = 'retry' | 'unclear' | 'fail';
export type NoReplyVerdict = 'retry' | 'unclear' | 'unreachable';

/** For a reply that is not a success. */
export function verdictOnStatus(kind: OperationRequest['kind'], status: number): ReplyVerdict {
  if (status === 429) return 'retry';
  if (kind === 'read') return TRANSIENT_STATUSES.has(status) ? 'retry' : 'fail';
  return status >= 500 ? 'unclear' : 'fail';
}

/** For a request that got no reply; `reason` is the transport's AppError reason. */
export function verdictOnNoReply(kind: OperationRequest['kind'], reason: string): NoReplyVerdict {
  if (kind === 'read') return NO_REPLY_RETRYABLE.has(reason) ? 'retry' : 'unreachable';
  if (reason === 'requestRefused') return 'retry';
  // DNS, TLS handshake, unreachable network: nothing was sent, so nothing was applied.
  return NO_REPLY_UNCLEAR.has(reason) ? 'unclear' : 'unreachable';
}

/**
 * The wait before attempt `next` (2, 3, ...): the gateway's Retry-After when it
 * sent one, else exponential backoff with jitter (half fixed, half random, so
 * clients that failed together do not come back together).
 */
export function delayBefore(next: number, options: RetryOptions, retryAfterSeconds: number | undefined, random: () => number = Math.random): number {
  if (retryAfterSeconds !== undefined) return Math.min(retryAfterSeconds * 1000, MAX_RETRY_AFTER_MS);
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, next - 2));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
