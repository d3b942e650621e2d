import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { it } from 'vitest';
import { STORE_FILE_NAME } from '../../electron/ipc/backend';
import type { Dispatch } from '../../electron/ipc/dispatch';
import { launchChromium } from '../e2e/support/chromium';
import { APP_ORIGIN, openApp } from '../e2e/support/open-app';
import { startTestBackend } from '../support/test-backend';
import { report, type Row } from './measure';
import { scales, storeOfScale } from './scale-data';
import { buildFloorPage, FLOOR_URL, keystrokeToFilteredPaint, navigateUntilListPainted, prepareBenchContext, replyTime, type BenchWindow } from './ui-page';

// Figures, not pass/fail: the app's virtualised lists in headless Chromium against the real
// handlers, each beside a plain React table of the same rows measured in the same run.
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
// A plain table of 100,000 rows takes tens of seconds to paint: fewer runs of it at full scale.
const FLOOR_RUNS_FULL = Number(process.env.BENCH_FLOOR_RUNS_FULL ?? Math.min(RUNS, 2));
const wanted = (process.env.BENCH_SCALES ?? '1/100,1/10,full').split(',');
const APP_URL = `${APP_ORIGIN}/index.html`;
// One keystroke from an empty search: every row is scanned, and about a quarter to a half stay.
const KEY = '7';

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/**
 * The renderer's JS heap and this process's RSS (it runs the handlers), sampled after each step.
 * `heap` is the used heap as sampled, garbage not yet collected included (such as the test
 * transport's JSON text of the list); `retained` is what is left after a forced collection.
 */
class MemoryPeaks {
  heap = 0;
  retained = 0;
  rss = 0;
  constructor(private readonly cdp: CDPSession) {}
  async sample(): Promise<void> {
    const { usedSize } = await this.cdp.send('Runtime.getHeapUsage');
    this.heap = Math.max(this.heap, usedSize);
    this.rss = Math.max(this.rss, process.memoryUsage().rss);
  }
  async sampleRetained(): Promise<void> {
    await this.sample();
    await this.cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await this.cdp.send('Runtime.getHeapUsage');
    this.retained = Math.max(this.retained, usedSize);
  }
}

/** A dispatch that knows when main has nothing in flight (the startup keychain reconcile runs in the background). */
function trackedDispatch(dispatch: Dispatch) {
  let inFlight = 0;
  const handlerMs: Record<string, number[]> = {};
  const tracked: Dispatch = async (method, payload) => {
    inFlight += 1;
    const started = performance.now();
    try {
      return await dispatch(method, payload);
    } finally {
      inFlight -= 1;
      (handlerMs[method] ??= []).push(performance.now() - started);
    }
  };
  const idle = async () => {
    while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 50));
  };
  return { tracked, idle, handlerMs };
}

const countLine = (page: Page) => page.locator('.list-count').innerText();

it('renderer list figures at 1/100, 1/10 and full scale', async () => {
  await buildFloorPage();
  const browser = await launchChromium();
  const rows: Row[] = [];
  const extra: Record<string, unknown> = {};
  try {
    for (const scale of scales.filter((s) => wanted.includes(s.label))) {
      const dataDir = await mkdtemp(join(tmpdir(), 'gatekey-ui-bench-'));
      await writeFile(join(dataDir, STORE_FILE_NAME), JSON.stringify(storeOfScale(scale)));
      const backend = await startTestBackend({ dataDir });
      try {
        const dismissed = await backend.api.app.dismissWelcome({});
        if (!dismissed.ok) throw new Error(dismissed.error.message);
        const { tracked, idle, handlerMs } = trackedDispatch(backend.dispatch);
        // openApp's own first load warms the caches; it is not counted.
        const page = await openApp(browser, { dispatch: tracked, events: backend.events }, { prepare: prepareBenchContext });
        const peaks = new MemoryPeaks(await page.context().newCDPSession(page));
        await page.evaluate(() => (window as unknown as BenchWindow).__bench.firstList());
        await idle();

        const app = { keysNav: [] as number[], keysData: [] as number[], keysKey: [] as number[], authClick: [] as number[], authData: [] as number[], authKey: [] as number[] };
        for (let run = 0; run < RUNS; run += 1) {
          const keys = await navigateUntilListPainted(page, APP_URL);
          if (keys.rows !== scale.accessKeys) throw new Error(`The Access Key list showed ${keys.rows} rows, not ${scale.accessKeys}`);
          app.keysNav.push(keys.at);
          app.keysData.push(keys.at - (await replyTime(page, 'accessKeys.list')));
          await peaks.sample();
          // Typing is measured once startup (the background keychain check) is over.
          await idle();
          app.keysKey.push(await keystrokeToFilteredPaint(page, KEY));
          if (run === 0) extra[`${scale.label}: Access Key list after "${KEY}"`] = await countLine(page);

          const auth = await page.evaluate((n) => (window as unknown as BenchWindow).__bench.openSection('Access Authorization', n), scale.authorizations);
          app.authClick.push(auth.at - auth.start);
          app.authData.push(auth.at - (await replyTime(page, 'authorizations.list')));
          await peaks.sample();
          app.authKey.push(await keystrokeToFilteredPaint(page, KEY));
          if (run === 0) extra[`${scale.label}: Access Authorization list after "${KEY}"`] = await countLine(page);
          await idle();
          // Both lists are in the renderer's store now: the most it holds.
          await peaks.sampleRetained();
        }

        const floorRuns = scale.authorizations >= 100_000 ? FLOOR_RUNS_FULL : RUNS;
        const floor = { accessKeys: { nav: [] as number[], data: [] as number[], key: [] as number[] }, authorizations: { nav: [] as number[], data: [] as number[], key: [] as number[] } };
        const floorPeaks = new MemoryPeaks(await page.context().newCDPSession(page));
        for (let run = 0; run < floorRuns; run += 1) {
          for (const [list, method, n] of [['accessKeys', 'accessKeys.list', scale.accessKeys], ['authorizations', 'authorizations.list', scale.authorizations]] as const) {
            const shown = await navigateUntilListPainted(page, `${FLOOR_URL}?list=${list}`);
            if (shown.rows !== n) throw new Error(`The plain table showed ${shown.rows} rows, not ${n}`);
            floor[list].nav.push(shown.at);
            floor[list].data.push(shown.at - (await replyTime(page, method)));
            await floorPeaks.sample();
            floor[list].key.push(await keystrokeToFilteredPaint(page, KEY));
            await floorPeaks.sample();
          }
        }
        await page.context().close();

        const s = scale.label;
        const [data, plainData, fast] = ['data -> painted', 'plain table, data -> painted', '< 300 ms; >= 20x faster at 10,000'];
        const [key, plainKey, instant] = ['keystroke -> painted', 'plain table, keystroke -> painted', '< 50 ms; >= 20x faster at 10,000'];
        rows.push(
          { scale: s, what: `Access Keys, ${data}`, ms: median(app.keysData), floorWhat: plainData, floorMs: median(floor.accessKeys.data), target: fast },
          { scale: s, what: 'Access Keys, navigation -> painted', ms: median(app.keysNav), floorWhat: 'plain table, navigation -> painted', floorMs: median(floor.accessKeys.nav) },
          { scale: s, what: `Access Keys, ${key}`, ms: median(app.keysKey), floorWhat: plainKey, floorMs: median(floor.accessKeys.key), target: instant },
          { scale: s, what: `Authorizations, ${data}`, ms: median(app.authData), floorWhat: plainData, floorMs: median(floor.authorizations.data), target: fast },
          { scale: s, what: 'Authorizations, click -> painted', ms: median(app.authClick), floorWhat: 'plain table, navigation -> painted', floorMs: median(floor.authorizations.nav) },
          { scale: s, what: `Authorizations, ${key}`, ms: median(app.authKey), floorWhat: plainKey, floorMs: median(floor.authorizations.key), target: instant },
        );
        extra[`${s}: rows`] = `${scale.accessKeys.toLocaleString('en')} access keys, ${scale.authorizations.toLocaleString('en')} authorizations`;
        extra[`${s}: renderer JS heap (target < 150 MB)`] = `peak used ${mb(peaks.heap)}, retained after GC ${mb(peaks.retained)} (the plain tables: peak used ${mb(floorPeaks.heap)})`;
        extra[`${s}: peak RSS of the process running the handlers`] = mb(Math.max(peaks.rss, floorPeaks.rss));
        const handlers = (['accessKeys.list', 'authorizations.list'] as const).map((m) => `${m} ${median(handlerMs[m] ?? [Number.NaN]).toFixed(0)} ms`);
        extra[`${s}: handlers in main (median, part of navigation/click -> painted)`] = handlers.join(', ');
        extra[`${s}: runs`] = `${RUNS} (plain tables: ${floorRuns})`;
      } finally {
        await backend.cleanup();
      }
    }
  } finally {
    await browser.close();
  }
  await report('Renderer lists (headless Chromium, real handlers)', rows, extra);
}, 3_600_000);
