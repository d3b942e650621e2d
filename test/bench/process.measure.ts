import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'vitest';
import { buildCli } from '../support/built-cli';
import { writeStoreOfScale } from './bench-store';
import { buildChild } from './children/build-child';
import { interleaved, ratioOf, report, RUNS, timed, wantedScales, type Row } from './measure';
import { scales } from './scale-data';

// Figures, not pass/fail, each from fresh processes: `gatekey keys` (the CLI built from this
// source) against `node -e 0`, and the backend's memory after loading the store against a
// process that only reads and parses the same files.

/** Runs node with `args`; resolves with stdout, and fails on a non-zero exit. */
const runNode = (args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> =>
  new Promise((resolve, reject) => {
    execFile(process.execPath, args, { env, maxBuffer: 64 * 1024 * 1024, timeout: 300_000 }, (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)));
  });

it('gatekey keys and backend memory after load at 1/100, 1/10 and full scale', async () => {
  const cli = await buildCli();
  const child = await buildChild('load-rss');
  const rows: Row[] = [];
  try {
    for (const scale of scales.filter((s) => wantedScales.includes(s.label))) {
      const dir = await mkdtemp(join(tmpdir(), 'gatekey-bench-'));
      try {
        await writeStoreOfScale(dir, scale);
        const env = { ...process.env, GATEKEY_DATA_DIR: dir };
        // Wall time from spawn to exit, output read in full, as a script calling it would.
        const keys = await interleaved(RUNS, {
          figure: () =>
            timed(async () => {
              const lines = (await runNode([cli.path, 'keys'], env)).split('\n').filter(Boolean).length;
              if (lines !== scale.accessKeys) throw new Error(`gatekey keys printed ${lines} keys, not ${scale.accessKeys}`);
            }),
          floor: () => timed(() => runNode(['-e', '0'])),
        });
        rows.push({ scale: scale.label, what: '`gatekey keys` (built CLI, spawn -> exit)', figure: keys.figure, floorWhat: '`node -e 0`', floor: keys.floor, target: '<= 3x', met: ratioOf(keys) <= 3 });

        const rssOf = async (mode: 'backend' | 'floor') => (JSON.parse(await runNode(['--expose-gc', child, mode, dir])) as { rss: number }).rss;
        const rss = await interleaved(RUNS, { figure: () => rssOf('backend'), floor: () => rssOf('floor') });
        rows.push({ scale: scale.label, what: 'backend RSS after load (fresh process, after a GC)', unit: 'MB', figure: rss.figure, floorWhat: 'a process reading + parsing the same files', floor: rss.floor, target: '<= 1.5x', met: ratioOf(rss) <= 1.5 });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
  } finally {
    await cli.remove();
  }
  await report('Processes (fresh node processes)', rows);
}, 1_800_000);
