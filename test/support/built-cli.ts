import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export interface BuiltCli {
  /** dist/cli-test-…/gatekey.cjs, built from the current source. */
  path: string;
  /** Runs it with `node`; never rejects: the exit code, output and wall-clock time are the result. */
  run(args: string[], env: NodeJS.ProcessEnv, timeoutMs?: number): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string; ms: number }>;
  remove(): Promise<void>;
}

/**
 * Builds the `gatekey` command (and its keychain helper) as the build scripts do, into a
 * folder of its own inside the project's dist/ (git-ignored), so that keytar
 * resolves from node_modules as it does for dist/cli.
 */
export async function buildCli(): Promise<BuiltCli> {
  const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
  await mkdir(dist, { recursive: true });
  const outDir = await mkdtemp(join(dist, 'cli-test-'));
  const configFile = fileURLToPath(new URL('../../electron/vite.config.ts', import.meta.url));
  // The CLI reads the keychain through a helper process whose script sits beside it.
  for (const mode of ['keychain-worker', 'cli']) await build({ configFile, mode, logLevel: 'silent', build: { outDir } });
  const path = join(outDir, 'gatekey.cjs');
  return {
    path,
    run: (args, env, timeoutMs = 120_000) =>
      new Promise((resolve) => {
        const started = performance.now();
        execFile(process.execPath, [path, ...args], { env, timeout: timeoutMs }, (error, stdout, stderr) => {
          const failure = error as (Error & { code?: number | string; signal?: string }) | null;
          resolve({ code: failure ? (typeof failure.code === 'number' ? failure.code : null) : 0, signal: failure?.signal ?? null, stdout, stderr, ms: performance.now() - started });
        });
      }),
    remove: () => rm(outDir, { recursive: true, force: true }),
  };
}
