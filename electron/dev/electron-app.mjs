import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The Electron binary npm installed, found the way the electron package's own
 * index.js finds it (path.txt, or ELECTRON_OVERRIDE_DIST_PATH), but without its
 * fallback of downloading one. Null when there is none, as after
 * `ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci`.
 */
export function findElectron(root) {
  let packageDir;
  try {
    packageDir = dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? join(override, executable || 'electron') : executable ? join(packageDir, 'dist', executable) : null;
  return binary && existsSync(binary) ? binary : null;
}

const STOP_GRACE_MS = 5_000;

/**
 * The app under development: `restart()` stops the running Electron (if any)
 * and starts a fresh one; `stop()` ends it. Calls run one after another, so a
 * burst of rebuilds never leaves two apps running.
 */
export function electronApp({ binary, args, env, log }) {
  let child = null;
  let queue = Promise.resolve();

  const stopChild = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = once(running, 'exit');
    running.kill('SIGTERM');
    const stubborn = setTimeout(() => running.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(stubborn);
  };

  const startChild = () => {
    const started = spawn(binary, args, { stdio: 'inherit', env });
    child = started;
    started.on('error', (error) => {
      // A binary that cannot be run may never report an exit: forget it now.
      if (child === started) child = null;
      log(`cannot start Electron: ${error.message}`);
    });
    started.on('exit', (code, signal) => {
      // Quit by the user or crashed: the next rebuild starts it again.
      if (child === started) {
        child = null;
        log(`Electron exited (${signal ?? `code ${code}`}); it starts again on the next change`);
      }
    });
  };

  const enqueue = (step) => (queue = queue.then(step, step));
  return {
    restart: () => enqueue(async () => {
      await stopChild();
      startChild();
    }),
    stop: () => enqueue(stopChild),
  };
}
