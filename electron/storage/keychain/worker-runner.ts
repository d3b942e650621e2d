import type { WorkerLauncher, WorkerProcess, WorkerReply, WorkerRequest } from './worker-protocol';

type Request = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;
type ReplyValue = Extract<WorkerReply, { ok: true }>['value'];

/** The helper ended while a call was waiting (a crash inside libsecret, or it was killed). */
export class WorkerStopped extends Error {
  override name = 'WorkerStopped';
}

/** The helper did not answer in time; it has been stopped, a fresh one serves the next call. */
export class WorkerTimedOut extends Error {
  override name = 'WorkerTimedOut';
}

interface Running {
  process: WorkerProcess;
  waiting: Map<number, { resolve(value: ReplyValue): void; reject(error: Error): void }>;
}

/**
 * Sends keychain calls to a helper process, starting one when needed. A stuck
 * or crashed helper costs one call, never the app: it is stopped and replaced.
 * Callers keep to one call at a time (see keytar-secret-store).
 */
export function workerRunner(launch: WorkerLauncher, env: () => Record<string, string>) {
  let running: Running | undefined;
  let nextId = 1;
  let closed = false;

  function start(): Running {
    const started: Running = { process: launch(env()), waiting: new Map() };
    started.process.onReply((reply) => {
      const waiter = started.waiting.get(reply.id);
      started.waiting.delete(reply.id);
      if (!waiter) return;
      if (reply.ok) waiter.resolve(reply.value);
      else waiter.reject(new Error(reply.message));
    });
    started.process.onExit((detail) => {
      if (running === started) running = undefined;
      for (const waiter of started.waiting.values()) waiter.reject(new WorkerStopped(`Gatekey's keychain helper stopped (${detail})`));
      started.waiting.clear();
    });
    return started;
  }

  function stop(): void {
    running?.process.kill();
    running = undefined;
  }

  return {
    call(request: Request, timeoutMs: number): Promise<ReplyValue> {
      // After close, no helper is ever started again: it would outlive its owner.
      if (closed) return Promise.reject(new WorkerStopped("Gatekey's keychain helper was closed"));
      const worker = (running ??= start());
      const id = nextId++;
      return new Promise<ReplyValue>((resolve, reject) => {
        const timer = setTimeout(() => {
          worker.waiting.delete(id);
          if (running === worker) stop();
          else worker.process.kill();
          reject(new WorkerTimedOut(`The keychain did not answer within ${Math.max(1, Math.round(timeoutMs / 1000))} s`));
        }, timeoutMs);
        const settle = <T>(done: (value: T) => void) => (value: T) => {
          clearTimeout(timer);
          done(value);
        };
        worker.waiting.set(id, { resolve: settle(resolve), reject: settle(reject) });
        worker.process.send({ ...request, id } as WorkerRequest);
      });
    },
    /** Replaces the helper: libsecret keeps a dead connection to a restarted keyring daemon forever. */
    restart: stop,
    /** Stops the helper for good: later calls fail instead of starting another. */
    close(): void {
      closed = true;
      stop();
    },
  };
}

export type WorkerRunner = ReturnType<typeof workerRunner>;
