import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { APP_ORIGIN } from '../e2e/support/open-app';

// In-page timing for the UI bench. Every time is the page's own clock (performance.now() and
// Event.timeStamp share its time origin): a figure starts at the input event the browser
// dispatched in the page (Playwright sends real mouse and key input over CDP) and ends after
// the paint that first shows the answer, so the transport, main's handler, React and layout
// are all inside it. Node's clock never enters a figure.

const floorSource = fileURLToPath(new URL('./floor/', import.meta.url));
const floorOut = fileURLToPath(new URL('../.bench/floor/', import.meta.url));
export const FLOOR_URL = `${APP_ORIGIN}/bench-floor/index.html`;

/** Builds the plain-table floor page with vite, in production mode like the app. */
export async function buildFloorPage(): Promise<void> {
  // Under vitest NODE_ENV is "test", which would give React's slow development build and JSX.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: false,
      root: floorSource,
      base: './',
      mode: 'production',
      logLevel: 'warn',
      plugins: [react()],
      build: { outDir: floorOut, emptyOutDir: true, modulePreload: { polyfill: false } },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

/** Serves the built floor page beside the app, and the in-page timing helpers on every page. */
export async function prepareBenchContext(context: BrowserContext): Promise<void> {
  await context.route(`${APP_ORIGIN}/bench-floor/**`, async (route) => {
    const path = normalize(decodeURIComponent(new URL(route.request().url()).pathname)).replace(/^[/\\]+bench-floor[/\\]*/, '');
    try {
      const body = await readFile(join(floorOut, path || 'index.html'));
      await route.fulfill({ body, contentType: extname(path) === '.js' ? 'text/javascript' : extname(path) === '.css' ? 'text/css' : 'text/html' });
    } catch {
      await route.fulfill({ status: 404, body: 'not found' });
    }
  });
  await context.addInitScript(() => {
    /**
     * Resolves with the time of the first paint after `test()` holds. It is checked in every
     * animation frame (a callback runs just before its frame's paint, after every task that
     * changed the DOM), and a message posted from that callback runs as the next task, after
     * the paint. Polling once a frame costs the page one query a frame and no MutationObserver
     * records, which a table of 100,000 rows (the floor) would pay dearly for.
     */
    const paintedWhen = (test: () => boolean): Promise<number> =>
      new Promise((resolve) => {
        const frame = () => {
          if (!test()) return void requestAnimationFrame(frame);
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now());
          channel.port2.postMessage(null);
        };
        requestAnimationFrame(frame);
      });
    /** The first row's text once it shows its record (not the loading placeholder of a window still on its way), else null. */
    const firstRowText = () => {
      const row = document.querySelector('table[aria-rowcount] tbody tr[aria-rowindex="2"]');
      return row && !row.querySelector('.cell-loading') ? (row.textContent ?? '') : null;
    };
    /** A list of `rows` records is painted with data in its first row. */
    const listShown = (rows: number) => () => document.querySelector(`table[aria-rowcount="${rows + 1}"]`) !== null && firstRowText() !== null;
    const countText = () => document.querySelector('.list-count')?.textContent ?? '';
    let pending: Promise<unknown> | null = null;
    Object.defineProperty(window, '__bench', {
      value: {
        /** Resolves when a list of `rows` records is painted (page clock). */
        listPainted: (rows: number) => paintedWhen(listShown(rows)),
        /** Watches for the next click and the list of `rows` painted after it; `result()` gives the ms between. */
        armClick(rows: number) {
          pending = new Promise((resolve) => {
            addEventListener('click', (event) => void paintedWhen(listShown(rows)).then((at) => resolve(at - event.timeStamp)), { capture: true, once: true });
          });
        },
        /**
         * Watches for the next keydown and the list painted after it for `needle`: the count line
         * changed, the table has as many rows as it says match, and the first row, with data,
         * contains the needle. `result()` gives { ms, matching }.
         */
        armKeystroke(needle: string) {
          const before = countText();
          pending = new Promise((resolve) => {
            addEventListener(
              'keydown',
              (event) => {
                let matching = Number.NaN;
                const answered = () => {
                  const text = countText();
                  if (text === before) return false;
                  matching = Number(/\d+/.exec(text)?.[0]);
                  const row = firstRowText();
                  if (matching === 0) return true; // nothing matches: the count line is the answer
                  return document.querySelector(`table[aria-rowcount="${matching + 1}"]`) !== null && row !== null && row.toLowerCase().includes(needle);
                };
                void paintedWhen(answered).then((at) => resolve({ ms: at - event.timeStamp, matching }));
              },
              { capture: true, once: true },
            );
          });
        },
        result: () => pending,
      },
    });
  });
}

export interface BenchWindow {
  __bench: {
    listPainted(rows: number): Promise<number>;
    armClick(rows: number): void;
    armKeystroke(needle: string): void;
    result(): Promise<unknown> | null;
  };
}

/** Resolves once a list of `rows` records is painted on the page. */
export async function listPainted(page: Page, rows: number): Promise<void> {
  await page.evaluate((n) => (window as unknown as BenchWindow).__bench.listPainted(n), rows);
}

/** Waits until the page's main thread is idle: work queued by the last step is not the next one's. */
export async function pageIdle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 })));
}

/** Clicks the sidebar entry `label` (real mouse input) and resolves with click -> list of `rows` painted, in ms. */
export async function clickToListPainted(page: Page, label: string, rows: number): Promise<number> {
  await pageIdle(page);
  await page.evaluate((n) => (window as unknown as BenchWindow).__bench.armClick(n), rows);
  await page.locator('nav').getByRole('button', { name: label, exact: true }).click();
  return (await answered(page, `${label} (${rows} rows)`)) as number;
}

/**
 * Presses `key` in the page's search box (real key input) and resolves with keydown -> the list
 * for `needle` (the box's text after the key) painted, in ms, and how many rows it says match.
 */
export async function keystrokeToListPainted(page: Page, key: string, needle: string): Promise<{ ms: number; matching: number }> {
  await page.focus('input[type="search"]');
  // The caret at the end of the text, as after typing it (focus() alone may leave it at the start).
  await page.evaluate(() => {
    const box = document.querySelector<HTMLInputElement>('input[type="search"]')!;
    box.setSelectionRange(box.value.length, box.value.length);
  });
  await pageIdle(page);
  await page.evaluate((text) => (window as unknown as BenchWindow).__bench.armKeystroke(text), needle.toLowerCase());
  await page.keyboard.press(key);
  return (await answered(page, `the list for "${needle}"`)) as { ms: number; matching: number };
}

/** Never waits forever: a list that does not show what was asked fails the run, saying what the page shows. */
const STEP_LIMIT_MS = 300_000;
async function answered(page: Page, what: string): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void page
        .evaluate(() => `count line "${document.querySelector('.list-count')?.textContent}", search box "${document.querySelector<HTMLInputElement>('input[type="search"]')?.value}"`)
        .then((shown) => reject(new Error(`${what} was not painted within ${STEP_LIMIT_MS / 1000} s; the page shows ${shown}`)), reject);
    }, STEP_LIMIT_MS);
  });
  try {
    return await Promise.race([page.evaluate(() => (window as unknown as BenchWindow).__bench.result()), limit]);
  } finally {
    clearTimeout(timer);
  }
}
