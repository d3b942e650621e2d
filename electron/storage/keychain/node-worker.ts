import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkerLauncher, WorkerReply } from './worker-protocol';

/**
 * The helper script: the bundle beside main.cjs (or dist/electron/ beside the
 * CLI's dist/cli/), else the source, which Node runs as it is (tests, a clone).
 */
export function defaultWorkerScript(): string {
  const candidates = [join(__dirname, 'keychain-worker.cjs'), join(__dirname, '..', 'electron', 'keychain-worker.cjs'), join(__dirname, 'worker-main.mjs')];
  return candidates.find((path) => existsSync(path)) ?? candidates[0]!;
}

/** Forks the helper under plain Node (CLI, tests); Electron's main uses its utility process instead. */
export function nodeWorkerLauncher(script: string = defaultWorkerScript()): WorkerLauncher {
  return (env) => {
    // execArgv: [] so that a test runner's loader flags are not passed on.
    const child = fork(script, [], { env: { ...process.env, ...env }, execArgv: [], stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'json' });
    let lastErrorLine = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      // Node's report of an uncaught error: the line naming the error says why.
      const line = chunk.split('\n').map((text) => text.trim()).find((text) => /^\w*Error\b|^Error:/.test(text));
      if (line) lastErrorLine = line.slice(0, 300);
    });
    child.on('error', () => undefined); // reported through 'exit'
    // An idle helper must not keep a CLI or a test process alive.
    let awaiting = 0;
    const hold = (delta: number) => {
      awaiting += delta;
      if (awaiting > 0) {
        child.ref();
        child.channel?.ref();
      } else {
        child.unref();
        child.channel?.unref();
      }
    };
    hold(0);
    return {
      send: (request) => {
        hold(1);
        child.send(request, (error) => error && child.kill('SIGKILL'));
      },
      onReply: (listener) =>
        child.on('message', (reply) => {
          hold(-1);
          listener(reply as WorkerReply);
        }),
      onExit: (listener) =>
        child.once('exit', (code, signal) => {
          awaiting = 0;
          // stderr may still be draining: the line that explains the exit arrives just before it ends.
          const report = () => listener(`${signal ? `signal ${signal}` : `exit code ${code}`}${lastErrorLine ? `: ${lastErrorLine}` : ''}`);
          if (child.stderr && !child.stderr.readableEnded) child.stderr.once('end', report);
          else report();
        }),
      kill: () => {
        child.kill('SIGTERM');
        // Given up on: whatever it still does must not keep Gatekey's process alive.
        child.unref();
        child.channel?.unref();
      },
    };
  };
}
