import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

// How every figure is taken: the figure and its floor run interleaved (figure, floor, floor,
// figure, ...: the order flips every round so neither always runs on a warmer machine), each
// at least BENCH_RUNS times; the first call of each is the cold one, kept apart from the runs.

export const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 5));
export const wantedScales = (process.env.BENCH_SCALES ?? '1/100,1/10,full').split(',');

export interface Series {
  /** The first call, before any run: caches, JIT and lazily built indexes still cold. */
  cold: number;
  runs: number[];
}

/** Times one call of `work`, in ms. */
export async function timed(work: () => unknown): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/**
 * Runs each case once cold, then `runs` rounds of all of them, interleaved. A case resolves
 * with its own measurement (ms, MB...): figures timed inside a page or a child process return
 * theirs; `timed` wraps the rest. `between` runs after every call, outside the measurement.
 */
export async function interleaved<K extends string>(
  runs: number,
  cases: Record<K, () => Promise<number>>,
  between?: () => Promise<unknown>,
): Promise<Record<K, Series>> {
  const names = Object.keys(cases) as K[];
  const series = {} as Record<K, Series>;
  for (const name of names) {
    series[name] = { cold: await cases[name](), runs: [] };
    await between?.();
  }
  for (let round = 0; round < runs; round += 1) {
    for (const name of round % 2 ? [...names].reverse() : names) {
      series[name].runs.push(await cases[name]());
      await between?.();
    }
  }
  return series;
}

export interface Stats {
  median: number;
  min: number;
  max: number;
  /** Nearest-rank 95th percentile: with few runs it is the slowest one. */
  p95: number;
  n: number;
}

export function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, p95, n: sorted.length };
}

export interface Row {
  scale: string;
  what: string;
  unit?: 'ms' | 'MB' | '/s';
  figure: Series;
  floorWhat?: string;
  floor?: Series;
  /** The target in words and whether this run met it (undefined: a figure with no target). */
  target?: string;
  met?: boolean;
  /** Anything a reader needs to trust the row (sizes, counts). */
  note?: string;
}

/** figure median / floor median. */
export const ratioOf = (row: Pick<Row, 'figure' | 'floor'>): number => (row.floor ? stats(row.figure.runs).median / stats(row.floor.runs).median : Number.NaN);

const resultsDir = fileURLToPath(new URL('../.bench/', import.meta.url));

const number = (value: number, unit: string) => (unit === '/s' ? Math.round(value).toLocaleString('en') : value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : Math.round(value).toLocaleString('en'));
const spread = (series: Series, unit: string) => {
  const s = stats(series.runs);
  return `${number(s.median, unit)} ${unit} [${number(s.min, unit)}–${number(s.max, unit)}, p95 ${number(s.p95, unit)}] cold ${number(series.cold, unit)}`;
};

/**
 * Prints the section (median [min–max, p95] and the cold call of figure and floor, the ratio of
 * the medians, the target and whether it was met) and merges it, with every run's raw numbers,
 * into test/.bench/results.json (git-ignored), so runs and machines can be compared.
 */
export async function report(section: string, rows: Row[], extra: Record<string, unknown> = {}): Promise<void> {
  const lines = rows.map((row) => {
    const unit = row.unit ?? 'ms';
    const floor = row.floor ? `   vs ${row.floorWhat}: ${spread(row.floor, unit)}   x${ratioOf(row).toFixed(2)}` : '';
    const verdict = row.target ? `   target ${row.target}: ${row.met ? 'met' : 'MISSED'}` : '';
    return `${row.scale.padEnd(6)} ${row.what}: ${spread(row.figure, unit)}${floor}${verdict}${row.note ? `   (${row.note})` : ''}`;
  });
  console.log(`\n${section} (runs interleaved with their floors; median [min–max, p95], first call apart)\n${lines.join('\n')}`);
  for (const [name, value] of Object.entries(extra)) console.log(`${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  await mkdir(resultsDir, { recursive: true });
  const file = `${resultsDir}results.json`;
  const previous = JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as Record<string, unknown>;
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version, runs: RUNS };
  previous[section] = {
    at: new Date().toISOString(),
    machine,
    rows: rows.map((row) => ({ ...row, figureStats: stats(row.figure.runs), floorStats: row.floor ? stats(row.floor.runs) : undefined, ratio: row.floor ? ratioOf(row) : undefined })),
    ...extra,
  };
  await writeFile(file, `${JSON.stringify(previous, null, 2)}\n`);
}
