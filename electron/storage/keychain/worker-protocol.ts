/**
 * Messages between Gatekey and its keychain helper process. A secret crosses
 * the pipe in a `set` request and in the reply to a `get`, nowhere else.
 */
export type WorkerRequest =
  | { id: number; op: 'get'; service: string; account: string }
  | { id: number; op: 'set'; service: string; account: string; secret: string }
  | { id: number; op: 'delete'; service: string; account: string }
  /** Presence only: the helper reads the entry and replies a boolean, so no secret crosses the pipe. */
  | { id: number; op: 'has'; service: string; account: string }
  /** Accounts only: the helper drops the passwords findCredentials returns. */
  | { id: number; op: 'accounts'; service: string };

export type WorkerOp = WorkerRequest['op'];

export type WorkerReply = { id: number; ok: true; value: string | boolean | string[] | null | undefined } | { id: number; ok: false; message: string };

/** Where the helper process is started from: Node's fork, or Electron's utility process in the app. */
export interface WorkerProcess {
  send(request: WorkerRequest): void;
  onReply(listener: (reply: WorkerReply) => void): void;
  /** Once, when the process ends for any reason; `detail` says how (exit code or signal, last error line). */
  onExit(listener: (detail: string) => void): void;
  kill(): void;
}

/** Starts a helper; `env` overrides the parent's environment (tests point it at their own keyring). */
export type WorkerLauncher = (env: Record<string, string>) => WorkerProcess;
