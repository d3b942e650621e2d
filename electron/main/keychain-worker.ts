import { join } from 'node:path';
import { utilityProcess } from 'electron';
import type { WorkerLauncher, WorkerReply } from '../storage/keychain/worker-protocol';

/**
 * Runs the keytar helper (dist/electron/keychain-worker.cjs, beside main.cjs)
 * as an Electron utility process: a crash in libsecret ends the helper, not
 * Gatekey, and a restarted keyring daemon gets a fresh libsecret connection.
 */
export function utilityWorkerLauncher(bundleDir: string): WorkerLauncher {
  const script = join(bundleDir, 'keychain-worker.cjs');
  return (env) => {
    const child = utilityProcess.fork(script, [], { env: { ...process.env, ...env }, serviceName: 'Gatekey keychain helper', stdio: 'ignore' });
    const exitListeners: Array<(detail: string) => void> = [];
    let ended: string | undefined;
    const end = (detail: string) => {
      if (ended !== undefined) return;
      ended = detail;
      for (const listener of exitListeners) listener(detail);
    };
    child.once('exit', (code) => end(`exit code ${code}`));
    // A fatal error in the helper (V8 out of memory, say) is emitted as 'error':
    // unheard, it would be an uncaught exception in Gatekey's main process.
    child.on('error', (type: string, location: string) => {
      end(`${type} at ${location}`);
      child.kill();
    });
    return {
      send: (request) => child.postMessage(request),
      onReply: (listener) => child.on('message', (reply: WorkerReply) => listener(reply)),
      onExit: (listener) => {
        if (ended !== undefined) listener(ended);
        else exitListeners.push(listener);
      },
      kill: () => void child.kill(),
    };
  };
}
