import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, errorReply, okReply, type Reply } from './envelope';
import type { FaultQueue } from './faults';
import { newRequestId } from './ids';
import { runOperation } from './operations';
import { regionOf, routeOf, type Operation } from './routes';
import { verifyRequest } from './signature';
import type { RegionState } from './state';

/** One request as the emulator saw it: what tests assert on ("no duplicate create"). */
export interface RequestRecord {
  /** The spec's operation name, or 'unknown' for a path that matches none. */
  operation: Operation | 'unknown';
  method: string;
  /** The path as sent (undecoded), without the query. */
  path: string;
  query: string;
  /** The request body as sent (requests carry no secrets: APISecrets only come back in replies). */
  body: string;
  region: string | undefined;
  /** The HTTP status answered, or 0 when the connection was dropped without a reply. */
  status: number;
  requestId: string;
  /** Whether the operation ran and succeeded (its change, if any, is in the state). */
  applied: boolean;
  /** 'valid', or which check failed (never key material). */
  signature: 'valid' | string;
  fault?: string;
  accessKey?: string;
  at: number;
}

export interface ServerContext {
  regions: ReadonlyMap<string, RegionState>;
  accounts: Map<string, { secretKey: string; allowed: boolean }>;
  faults: FaultQueue;
  nonces: Set<string>;
  now: () => Date;
  userId: string;
  log: RequestRecord[];
  /** Timers of delay faults, cleared on close. */
  timers: Set<NodeJS.Timeout>;
}

const MAX_BODY = 1024 * 1024;

function send(response: ServerResponse, reply: Reply, requestId: string): void {
  const text = JSON.stringify(reply.body);
  response.writeHead(reply.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'x-jdcloud-request-id': requestId,
    ...reply.headers,
  });
  response.end(text);
}

export function handle(context: ServerContext, request: IncomingMessage, response: ServerResponse): void {
  const chunks: Buffer[] = [];
  let size = 0;
  request.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BODY) request.socket.destroy();
    else chunks.push(chunk);
  });
  request.on('end', () => {
    void processRequest(context, request, response, Buffer.concat(chunks)).catch((error: unknown) => {
      // An emulator bug: answer 500 so the test sees it instead of hanging.
      const requestId = newRequestId();
      if (!response.headersSent) send(response, errorReply(requestId, 500, `Emulator bug: ${String(error)}`), requestId);
    });
  });
}

async function processRequest(context: ServerContext, request: IncomingMessage, response: ServerResponse, body: Buffer): Promise<void> {
  const requestId = newRequestId();
  const method = request.method ?? 'GET';
  const url = request.url ?? '/';
  const at = url.indexOf('?');
  const path = at < 0 ? url : url.slice(0, at);
  const rawQuery = at < 0 ? '' : url.slice(at + 1);
  const route = routeOf(method, path);
  const region = route?.region ?? regionOf(path)?.region;
  const record: RequestRecord = {
    operation: route?.operation ?? 'unknown',
    method,
    path,
    query: rawQuery,
    body: body.toString('utf8'),
    region,
    status: 0,
    requestId,
    applied: false,
    signature: 'not checked',
    at: Date.now(),
  };
  context.log.push(record);
  const answer = (reply: Reply) => {
    record.status = reply.status;
    send(response, reply, requestId);
  };
  const drop = () => {
    record.status = 0;
    request.socket.destroy();
  };

  if (region === undefined) return answer(errorReply(requestId, 404, `No operation at ${method} ${path}`));

  // Authentication comes before routing and faults, as on a real gateway.
  const verdict = verifyRequest(
    { method, url, headers: request.headers, body },
    { secretOf: (ak) => context.accounts.get(ak)?.secretKey, region, now: context.now(), seenNonce: (nonce) => context.nonces.has(nonce) },
  );
  if (verdict.accessKey) record.accessKey = verdict.accessKey;
  if (!verdict.ok) {
    record.signature = verdict.reason;
    return answer(errorReply(requestId, 401, `Authentication failed: ${verdict.reason}`));
  }
  record.signature = 'valid';
  context.nonces.add(verdict.nonce);
  if (!context.accounts.get(verdict.accessKey)!.allowed) {
    return answer(errorReply(requestId, 403, 'This AccessKey has no permission for API Gateway'));
  }
  if (!route) return answer(errorReply(requestId, 404, `No operation at ${method} ${path}`));
  const state = context.regions.get(route.region);
  if (!state) return answer(errorReply(requestId, 400, `API Gateway does not run in region ${route.region} here`));

  const fault = context.faults.take(route.operation);
  if (fault) record.fault = fault.kind;
  if (fault?.kind === 'status') {
    const headers: Record<string, string> = fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {};
    return answer(errorReply(requestId, fault.status, 'Injected failure (nothing applied)', headers));
  }
  if (fault?.kind === 'dropBeforeApply') return drop();
  if (fault?.kind === 'delay') {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        context.timers.delete(timer);
        resolve();
      }, fault.ms);
      context.timers.add(timer);
    });
  }

  let reply: Reply;
  try {
    const result = runOperation(route.operation, { state, ids: route.ids, rawQuery, body, userId: context.userId });
    record.applied = true;
    reply = okReply(requestId, result);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    reply = errorReply(requestId, error.status, error.message);
  }
  if (fault?.kind === 'dropAfterApply') return drop();
  if (fault?.kind === 'statusAfterApply') return answer(errorReply(requestId, fault.status, 'Injected failure (the operation was applied)'));
  answer(reply);
}
