import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { it } from 'vitest';
import type { Dispatch } from '../../electron/ipc/dispatch';
import type { MainEvents } from '../../electron/ipc/main-events';
import { launchChromium } from '../e2e/support/chromium';
import { APP_ORIGIN, openApp } from '../e2e/support/open-app';
import { startTestBackend } from '../support/test-backend';
import { writeStoreOfScale } from './bench-store';
import { interleaved, ratioOf, report, RUNS, stats, wantedScales, type Row, type Series } from './measure';
import { scales, type Scale } from './scale-data';
import { buildFloorPage, clickToListPainted, FLOOR_URL, keystrokeToListPainted, listPainted, pageIdle, prepareBenchContext } from './ui-page';

// Figures, not pass/fail: the app in headless Chromium against the real handlers (only
// Electron's IPC transport is replaced, see open-app.ts, and it is inside every figure), from
// the user's click or keystroke to the paint that shows the answer (see ui-page.ts).
const APP_URL = `${APP_ORIGIN}/index.html`;
/** Keystrokes per list and side: typing a new search, then Backspace, this many times each. */
const KEY_ROUNDS = Math.max(RUNS, Number(process.env.BENCH_KEY_ROUNDS ?? 10));
/** A plain table of 100,000 rows takes seconds a keystroke: it takes part in the first BENCH_RUNS rounds only. */
const floorRounds = (rows: number) => (rows >= 100_000 ? RUNS : KEY_ROUNDS);
/** The first keystroke, from an empty box; then '7' + one of these, and Backspace back to '7'. */
const FIRST_KEY = '7';
// Digits: every scale has matches for '70'...'79' (names caller-70... and hex identifiers).
// Ten of them, more than main remembers (8): a search comes back to main uncached.
const SECOND_KEYS = '0123456789';
/** The plain table's cold round types this one (the floor filters in the page: main never sees it). */
const COLD_KEY = '7';
const HEAP_POLL_MS = 20;
const mb = (bytes: number) => bytes / 1024 / 1024;
/** Where a long run is, on stderr (a full-scale run takes minutes). */
const progress = (step: string) => process.stderr.write(`ui bench: ${step}\n`);

/** A dispatch that knows when main has nothing in flight (the start-up keychain reconcile runs in the background). */
function trackedDispatch(dispatch: Dispatch) {
  let inFlight = 0;
  const tracked: Dispatch = async (method, payload) => {
    inFlight += 1;
    try {
      return await dispatch(method, payload);
    } finally {
      inFlight -= 1;
    }
  };
  const idle = async () => {
    while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 50));
  };
  return { tracked, idle };
}

interface Harness {
  browser: Browser;
  connection: { dispatch: Dispatch; events: MainEvents };
  idle(): Promise<void>;
  scale: Scale;
}

const sections = {
  accessKeys: { label: 'Access Key', rows: (scale: Scale) => scale.accessKeys },
  authorizations: { label: 'Access Authorization', rows: (scale: Scale) => scale.authorizations },
} as const;
type List = keyof typeof sections;

/** The app freshly loaded (nothing cached in the page), its first screen (Access Keys) painted, main idle. */
async function freshApp(app: Page, h: Harness): Promise<void> {
  await app.goto(APP_URL);
  await listPainted(app, h.scale.accessKeys);
  await h.idle();
}

async function showList(app: Page, h: Harness, list: List): Promise<void> {
  await freshApp(app, h);
  if (list === 'authorizations') await clickToListPainted(app, sections.authorizations.label, h.scale.authorizations);
  await h.idle();
}

/**
 * Keystrokes in the app's list and in the plain table of the same rows, interleaved (the side
 * that goes first flips every round). Each round types a second character after FIRST_KEY (a
 * search main has not answered lately) and then Backspace (back to FIRST_KEY, which main may
 * still remember): both are keystrokes a user makes. The cold keystroke, apart: the app's first
 * ('' -> FIRST_KEY, main's first scan of the list); the plain table starts searched for FIRST_KEY
 * (so it never has to paint every row at once: 100,000 take minutes) and its cold one is an extra
 * first round. The matching counts of both sides must agree, or the floor shows other rows.
 */
async function keystrokes(app: Page, h: Harness, list: List) {
  const rows = sections[list].rows(h.scale);
  await showList(app, h, list);
  progress(`${h.scale.label} ${list}: plain table loading`);
  const floor = await openApp(h.browser, h.connection, { prepare: prepareBenchContext });
  await h.idle();
  const loadStarted = performance.now();
  await floor.goto(`${FLOOR_URL}?list=${list}&search=${FIRST_KEY}`);
  await floor.waitForSelector('.list-count', { timeout: 600_000 });
  const floorLoadMs = performance.now() - loadStarted;
  await h.idle();
  progress(`${h.scale.label} ${list}: keystrokes`);
  const sides = { app, floor };
  const typed = { app: { cold: 0, runs: [] as number[] }, floor: { cold: 0, runs: [] as number[] } };
  const backspace = { app: { cold: 0, runs: [] as number[] }, floor: { cold: 0, runs: [] as number[] } };
  const press = async (side: 'app' | 'floor', key: string, needle: string) => {
    const { ms, matching } = await keystrokeToListPainted(sides[side], key, needle);
    await h.idle();
    return { ms, matching };
  };
  const agree = (needle: string, a: number, b: number) => {
    if (a !== b) throw new Error(`"${needle}": the app lists ${a} matching rows, the plain table ${b}: the floor is not showing the same rows`);
  };
  const first = await press('app', FIRST_KEY, FIRST_KEY);
  typed.app.cold = first.ms;
  const counts: Record<string, number> = { [FIRST_KEY]: first.matching };
  const warmUp = { typed: await press('floor', COLD_KEY, `${FIRST_KEY}${COLD_KEY}`), back: await press('floor', 'Backspace', FIRST_KEY) };
  agree(FIRST_KEY, first.matching, warmUp.back.matching);
  typed.floor.cold = warmUp.typed.ms;
  backspace.floor.cold = warmUp.back.ms;
  for (let round = 0; round < KEY_ROUNDS; round += 1) {
    const key = SECOND_KEYS[round % SECOND_KEYS.length]!;
    const needle = `${FIRST_KEY}${key}`;
    const matching: Partial<Record<'app' | 'floor', number>> = {};
    const both = round < floorRounds(rows);
    for (const side of !both ? (['app'] as const) : round % 2 ? (['floor', 'app'] as const) : (['app', 'floor'] as const)) {
      const down = await press(side, key, needle);
      const back = await press(side, 'Backspace', FIRST_KEY);
      matching[side] = down.matching;
      agree(FIRST_KEY, counts[FIRST_KEY]!, back.matching);
      typed[side].runs.push(down.ms);
      if (side === 'app' && round === 0) backspace.app.cold = back.ms;
      else backspace[side].runs.push(back.ms);
    }
    if (both) agree(needle, matching.app!, matching.floor!);
    counts[needle] = matching.app!;
    progress(`${h.scale.label} ${list}: round ${round + 1}/${KEY_ROUNDS}, typed: app ${typed.app.runs.at(-1)!.toFixed(0)} ms${both ? `, plain table ${typed.floor.runs.at(-1)!.toFixed(0)} ms` : ''}`);
  }
  await floor.context().close();
  return { typed, backspace, floorLoadMs, counts };
}

/**
 * One pass a user might make, with the renderer's used JS heap sampled every HEAP_POLL_MS over
 * CDP: open Access Authorization, scroll to its end in ten jumps, search, then the same in Access
 * Keys. Resolves with the peak in MB (garbage not yet collected included) and what is left after a
 * forced collection.
 */
async function heapPass(app: Page, h: Harness): Promise<{ peak: number; retained: number }> {
  const cdp = await app.context().newCDPSession(app);
  let peak = 0;
  let polling = true;
  const poller = (async () => {
    while (polling) {
      peak = Math.max(peak, (await cdp.send('Runtime.getHeapUsage')).usedSize);
      await new Promise((resolve) => setTimeout(resolve, HEAP_POLL_MS));
    }
  })();
  try {
    for (const list of ['authorizations', 'accessKeys'] as const) {
      await clickToListPainted(app, sections[list].label, sections[list].rows(h.scale));
      for (let jump = 1; jump <= 10; jump += 1) {
        await app.evaluate((share) => {
          const scroller = document.querySelector('.table-scroll');
          if (scroller) scroller.scrollTop = (scroller.scrollHeight - scroller.clientHeight) * share;
        }, jump / 10);
        await h.idle();
        await pageIdle(app);
      }
      await keystrokeToListPainted(app, FIRST_KEY, FIRST_KEY);
      await h.idle();
      await app.fill('input[type="search"]', '');
      await h.idle();
    }
  } finally {
    polling = false;
    await poller;
  }
  await cdp.send('HeapProfiler.collectGarbage');
  const retained = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  await cdp.detach();
  return { peak: mb(peak), retained: mb(retained) };
}

it('renderer figures at 1/100, 1/10 and full scale', async () => {
  await buildFloorPage();
  const browser = await launchChromium();
  const rows: Row[] = [];
  const extra: Record<string, unknown> = {};
  const heaps: Record<string, Series> = {};
  try {
    for (const scale of scales.filter((s) => wantedScales.includes(s.label))) {
      const dataDir = await mkdtemp(join(tmpdir(), 'gatekey-ui-bench-'));
      await writeStoreOfScale(dataDir, scale);
      const backend = await startTestBackend({ dataDir });
      try {
        const { tracked, idle } = trackedDispatch(backend.dispatch);
        const h: Harness = { browser, connection: { dispatch: tracked, events: backend.events }, idle, scale };
        const s = scale.label;
        progress(`${s}: app start-up`);
        const app = await openApp(browser, h.connection, { prepare: prepareBenchContext });
        // Start-up (its keychain reconcile included) is over before anything is measured.
        await listPainted(app, scale.accessKeys);
        await idle();

        // What the harness's transport costs alone (Playwright binding, JSON both ways): part of every figure below.
        const hop = await app.evaluate(async () => {
          const api = (window as unknown as { api: { app: { getStatus(input: object): Promise<unknown> } } }).api;
          const times: number[] = [];
          for (let i = 0; i < 20; i += 1) {
            const started = performance.now();
            await api.app.getStatus({});
            times.push(performance.now() - started);
          }
          return times;
        });
        extra[`${s}: the harness transport alone, one app.getStatus round trip`] = `${stats(hop).median.toFixed(1)} ms median [${stats(hop).min.toFixed(1)}–${stats(hop).max.toFixed(1)}]`;
        progress(`${s}: clicks`);
        // Each click from a freshly loaded app: nothing of the list is cached in the page.
        const click = await interleaved(RUNS, {
          figure: async () => {
            await freshApp(app, h);
            return clickToListPainted(app, sections.authorizations.label, scale.authorizations);
          },
        });
        rows.push({ scale: s, what: `click -> painted, Access Authorization (${scale.authorizations.toLocaleString('en')})`, figure: click.figure, target: '< 300 ms', met: stats(click.figure.runs).median < 300 });

        for (const list of ['accessKeys', 'authorizations'] as const) {
          const k = await keystrokes(app, h, list);
          const label = `${sections[list].label} (${sections[list].rows(scale).toLocaleString('en')})`;
          const met = (series: Series) => stats(series.runs).median < 50 && stats(series.runs).p95 < 100;
          rows.push(
            { scale: s, what: `keystroke (typing) -> filtered list painted, ${label}`, figure: k.typed.app, floorWhat: 'plain React table', floor: k.typed.floor, target: '< 50 ms median, < 100 ms p95', met: met(k.typed.app) },
            { scale: s, what: `keystroke (Backspace) -> filtered list painted, ${label}`, figure: k.backspace.app, floorWhat: 'plain React table', floor: k.backspace.floor, target: '< 50 ms median, < 100 ms p95', met: met(k.backspace.app) },
          );
          extra[`${s}: ${label}, rows matching`] = k.counts;
          extra[`${s}: ${label}, plain table load -> painted`] = `${(k.floorLoadMs / 1000).toFixed(1)} s`;
        }

        progress(`${s}: heap`);
        // One fresh page, then pass after pass on it: what the lists keep must not pile up.
        await freshApp(app, h);
        const heap = await interleaved(RUNS, { figure: async () => (await heapPass(app, h)).peak });
        heaps[s] = heap.figure;
        const last = await heapPass(app, h);
        extra[`${s}: renderer JS heap retained after a forced GC`] = `${last.retained.toFixed(1)} MB`;
        await app.context().close();
      } finally {
        await backend.cleanup();
      }
    }
  } finally {
    await browser.close();
  }
  for (const [s, heap] of Object.entries(heaps)) {
    const small = heaps['1/100'];
    const row: Row = { scale: s, what: 'renderer JS heap, peak over a pass (open, scroll to the end, search; both lists)', unit: 'MB', figure: heap };
    if (s !== '1/100' && small) Object.assign(row, { floorWhat: 'the same at 1/100', floor: small });
    if (s === 'full') Object.assign(row, { target: '< 100 MB (every pass) and <= 1.5x the 1/100 median', met: stats(heap.runs).max < 100 && (!small || ratioOf({ figure: heap, floor: small }) <= 1.5) });
    rows.push(row);
  }
  await report('Renderer (headless Chromium, real handlers)', rows, extra);
}, 3_600_000);
