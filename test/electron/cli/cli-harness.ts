import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliIo } from '../../../electron/cli/run';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** Runs `gatekey` in this process against a data folder, capturing what it prints. */
export async function runGatekey(argv: string[], env: NodeJS.ProcessEnv, extra: Partial<CliIo> = {}): Promise<CliResult> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (text) => (out += `${text}\n`), err: (text) => (err += `${text}\n`), readStdin: async () => '', env, ...extra };
  const code = await runCli(argv, io);
  return { code, out, err };
}

/** A temp folder of the test's own, removed by `remove`. */
export async function scratchFolder(prefix: string): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}
