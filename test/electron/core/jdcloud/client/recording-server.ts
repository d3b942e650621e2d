import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A tiny HTTP server on 127.0.0.1 that records each request exactly as it
 * arrived (raw URL, headers, body) and answers from a script, for the client's
 * encoding and retry tests. Signatures are not checked here: the emulator does that.
 */
export interface RecordedRequest {
  method: string;
  /** The request target as sent, escapes and all. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type ScriptedAnswer =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  /** Closes the connection without answering (the client sees a reset). */
  | { drop: true }
  /** Answers after this many ms (to let the client's timeout fire first). */
  | { delayMs: number; status: number; body?: unknown };

export interface RecordingServer {
  endpoint: string;
  requests: RecordedRequest[];
  /** Answers for the next requests, in order; after them every request gets `fallback`. */
  script(...answers: ScriptedAnswer[]): void;
  fallback: (request: RecordedRequest) => ScriptedAnswer;
  close(): Promise<void>;
}

let nextId = 1;
export const ok = (result: unknown): ScriptedAnswer => ({ status: 200, body: { requestId: `req-${nextId++}`, result } });
export const failure = (status: number, message = 'refused', requestId = `req-${nextId++}`): ScriptedAnswer => ({
  status,
  body: { requestId, error: { code: status, status: 'SOME_STATUS', message } },
});

export async function startRecordingServer(): Promise<RecordingServer> {
  const queue: ScriptedAnswer[] = [];
  const requests: RecordedRequest[] = [];
  const state: RecordingServer = {
    endpoint: '',
    requests,
    script: (...answers) => queue.push(...answers),
    fallback: () => ok({}),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const recorded: RecordedRequest = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(recorded);
      const answer = queue.shift() ?? state.fallback(recorded);
      if ('drop' in answer) {
        request.socket.destroy();
        return;
      }
      const send = () => {
        const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? {});
        const headers = 'headers' in answer ? (answer.headers ?? {}) : {};
        response.writeHead(answer.status, { 'content-type': 'application/json', ...headers });
        response.end(text);
      };
      if ('delayMs' in answer) setTimeout(send, answer.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

/** A port nothing listens on (bound, then released): connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
