import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** Median of `runs` timings of `work`, in milliseconds. */
export async function medianMs(runs: number, work: () => Promise<unknown> | unknown, between?: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
    await between?.();
  }
  times.sort((a, b) => a - b);
  const middle = Math.floor(times.length / 2);
  return times.length % 2 ? times[middle]! : (times[middle - 1]! + times[middle]!) / 2;
}

export interface Row {
  scale: string;
  what: string;
  ms: number;
  floorWhat: string;
  floorMs: number;
  target?: string;
}

const resultsDir = fileURLToPath(new URL('../.bench/', import.meta.url));

/** Prints the table and merges the rows into test/.bench/results.json (git-ignored), for comparing runs. */
export async function report(section: string, rows: Row[], extra: Record<string, unknown> = {}): Promise<void> {
  const lines = rows.map((row) => {
    const ratio = row.floorMs > 0 ? row.ms / row.floorMs : Number.NaN;
    return `${row.scale.padEnd(6)} ${row.what.padEnd(38)} ${row.ms.toFixed(1).padStart(9)} ms   ${row.floorWhat.padEnd(34)} ${row.floorMs.toFixed(1).padStart(9)} ms   x${ratio.toFixed(2).padStart(6)}   ${row.target ?? ''}`;
  });
  console.log(`\n${section}\n${'scale'.padEnd(6)} ${'measured (median)'.padEnd(38)} ${'time'.padStart(12)}   ${'floor, same run'.padEnd(34)} ${'time'.padStart(12)}   ${'ratio'.padStart(7)}   target\n${lines.join('\n')}`);
  for (const [name, value] of Object.entries(extra)) console.log(`${name}: ${String(value)}`);
  await mkdir(resultsDir, { recursive: true });
  const file = `${resultsDir}results.json`;
  const previous = JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as Record<string, unknown>;
  previous[section] = { at: new Date().toISOString(), rows, ...extra };
  await writeFile(file, `${JSON.stringify(previous, null, 2)}\n`);
}
