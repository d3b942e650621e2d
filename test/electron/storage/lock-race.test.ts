import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LOCK_FILE_NAME } from '../../../electron/storage/metadata-store';

/*
 * Real processes racing for one data folder over a stale lock, each running
 * the real lock code: it is bundled from source into one .mjs for plain Node
 * (there is no tsx here, and the storage has no built output of its own).
 */
const TRIALS = 40;
const RACERS = 4;
const source = fileURLToPath(new URL('../../../electron/storage/lock-file.ts', import.meta.url));

const RACER = `
const { acquireLock } = await import(process.argv[2]);
let result;
process.on('message', async (message) => {
  if (message.type === 'race') {
    while (Date.now() < message.at) {} // spin: start within the same millisecond as the others
    try {
      result = await acquireLock(message.path);
      process.send({ type: 'result', held: result.held, owner: result.owner?.pid ?? null });
    } catch (error) {
      process.send({ type: 'result', held: false, owner: null, error: String(error) });
    }
  } else if (message.type === 'release') {
    if (result?.held) await result.release();
    result = undefined;
    process.send({ type: 'released' });
  } else process.exit(0);
});
process.send({ type: 'ready' });
`;

let work: string;
let racers: ChildProcess[] = [];

const next = (child: ChildProcess, type: string) =>
  new Promise<Record<string, unknown>>((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`racer exited (${code})`));
    const onMessage = (message: Record<string, unknown>) => {
      if (message.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'gatekey-lock-race-'));
  const bundle = join(work, 'lock-file.mjs');
  await build({
    configFile: false,
    logLevel: 'silent',
    build: { ssr: source, outDir: work, emptyOutDir: false, minify: false, rollupOptions: { output: { format: 'es', entryFileNames: 'lock-file.mjs' } } },
  });
  await writeFile(join(work, 'racer.mjs'), RACER);
  racers = Array.from({ length: RACERS }, () => fork(join(work, 'racer.mjs'), [bundle], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  await Promise.all(racers.map((child) => next(child, 'ready')));
}, 120_000);

afterAll(async () => {
  for (const child of racers) child.kill();
  await rm(work, { recursive: true, force: true });
});

it(`${RACERS} processes starting together over a stale lock: exactly one holds it, ${TRIALS} times out of ${TRIALS}`, async () => {
  const outcomes: number[] = [];
  for (let trial = 0; trial < TRIALS; trial += 1) {
    const folder = await mkdtemp(join(work, 'data-'));
    const path = join(folder, LOCK_FILE_NAME);
    // Left by a crash: a process number no one runs, from long before this boot.
    await writeFile(path, JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), since: '2000-01-01T00:00:00Z' }));
    const at = Date.now() + 50;
    const results = await Promise.all(
      racers.map((child) => {
        const result = next(child, 'result');
        child.send({ type: 'race', path, at });
        return result;
      }),
    );
    const holders = results.filter((r) => r.held);
    outcomes.push(holders.length);
    if (holders.length === 1) {
      // The lock names the one holder; everyone else read that same owner; no claim or temp file is left.
      const owner = JSON.parse(await readFile(path, 'utf8')) as { pid: number };
      const holderPid = racers[results.indexOf(holders[0]!)]?.pid;
      expect(owner.pid).toBe(holderPid);
      for (const loser of results.filter((r) => !r.held)) expect(loser.owner).toBe(holderPid);
      expect(await readdir(folder)).toEqual([LOCK_FILE_NAME]);
    }
    await Promise.all(racers.map((child) => (child.send({ type: 'release' }), next(child, 'released'))));
    if (holders.length === 1) expect(await readdir(folder)).toEqual([]);
  }
  expect(outcomes).toEqual(Array(TRIALS).fill(1));
}, 180_000);
