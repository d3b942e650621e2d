import { AppError } from '../../../shared/errors';
import type { SendRequest } from '../../ports/http-sender';
import type { TestCallResponse } from '../../../shared/test-call/types';
import { parseReply } from './envelope';
import { authRefused, forbidden, redact, replyMalformed, requestRefused, stillFailing, unclear, unreachable } from './errors';
import type { OperationRequest } from './request';
import { delayBefore, verdictOnNoReply, verdictOnStatus, type RetryOptions } from './retry';
import { signAttempt, type Credentials } from './sign-attempt';

export interface CallContext {
  endpoint: URL;
  credentials: Credentials;
  send: SendRequest;
  now: () => Date;
  nonce: () => string;
  sleep: (ms: number) => Promise<void>;
  retry: RetryOptions;
  random?: () => number;
}

export interface Answered {
  status: number;
  requestId: string;
  result: unknown;
}

/** Why a send failed, as the transport said it (its messages never hold the request's headers). */
function transportFailure(error: unknown): { reason: string; message: string } {
  if (error instanceof AppError) return { reason: error.reason, message: error.message };
  return { reason: 'requestFailed', message: error instanceof Error ? error.message : String(error) };
}

/**
 * A 2xx that cannot be read: for a write, something answered success, so it
 * may well have been applied; the caller must read before repeating it
 * (createKey is not idempotent).
 */
export function malformedFor(request: OperationRequest, status: number, requestId: string): AppError {
  if (request.kind === 'read') return replyMalformed(request.operation, status, requestId);
  return unclear(request.operation, `the gateway answered ${status}, but not with the documented reply.`, requestId, status);
}

/**
 * Runs one operation: each attempt signed afresh, sent, and its reply judged by
 * the retry policy. Answers the success envelope's result, or throws the jd*
 * AppError that says what happened (see errors.ts).
 */
export async function callGateway(context: CallContext, request: OperationRequest): Promise<Answered> {
  const { operation } = request;
  const attempts = Math.max(1, Math.floor(context.retry.attempts));
  const clean = (text: string) => redact(text, context.credentials.secretKey);
  let lastRequestId = '';

  for (let attempt = 1; ; attempt += 1) {
    const signedAt = context.now();
    const outgoing = signAttempt(context.endpoint, request, context.credentials, signedAt, context.nonce());
    let response: TestCallResponse;
    try {
      response = await context.send(outgoing);
    } catch (error) {
      const failure = transportFailure(error);
      const detail = clean(failure.message);
      const verdict = verdictOnNoReply(request.kind, failure.reason);
      if (verdict === 'unclear') throw unclear(operation, detail, lastRequestId);
      if (verdict === 'retry' && attempt < attempts) {
        await context.sleep(delayBefore(attempt + 1, context.retry, undefined, context.random));
        continue;
      }
      throw unreachable(operation, context.endpoint.host, detail, attempt, lastRequestId);
    }

    const reply = parseReply(response);
    if (reply.requestId) lastRequestId = reply.requestId;
    if (reply.kind === 'success') return { status: reply.status, requestId: reply.requestId, result: reply.result };
    if (reply.kind === 'malformed') throw malformedFor(request, reply.status, lastRequestId);

    const facts = { status: reply.status, requestId: lastRequestId, message: clean(reply.message) };
    if (reply.status === 401) {
      const skewMinutes = reply.serverDate ? Math.round((signedAt.getTime() - reply.serverDate.getTime()) / 60_000) : undefined;
      throw authRefused(facts, skewMinutes);
    }
    if (reply.status === 403) throw forbidden(facts);
    const verdict = verdictOnStatus(request.kind, reply.status);
    if (verdict === 'unclear') {
      throw unclear(operation, `the gateway answered ${reply.status} after the request reached it.${facts.message ? ` ${facts.message}` : ''}`, lastRequestId, reply.status);
    }
    if (verdict === 'fail') throw requestRefused(operation, facts);
    if (attempt >= attempts) throw stillFailing(operation, facts, attempt);
    await context.sleep(delayBefore(attempt + 1, context.retry, reply.retryAfterSeconds, context.random));
  }
}
