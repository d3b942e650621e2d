import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { APP_ORIGIN } from '../e2e/support/open-app';

// In-page timing for the UI bench. Times are the page's performance.now(): 0 is navigation start.

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
     * Resolves with the time of the first paint after `test()` holds: a MutationObserver sees the
     * DOM change, requestAnimationFrame runs just before the frame's paint, and a message posted
     * from it runs as the next task, after that paint.
     */
    const paintedWhen = (test: () => boolean): Promise<number> =>
      new Promise((resolve) => {
        const afterPaint = () => requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now());
          channel.port2.postMessage(null);
        });
        if (test()) return afterPaint();
        const observer = new MutationObserver(() => {
          if (!test()) return;
          observer.disconnect();
          afterPaint();
        });
        observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
      });
    /** A list of `rows` records is on screen: the table says so and at least one data row is in it. */
    const listShown = (rows: number) => () =>
      document.querySelector(`table[aria-rowcount="${rows + 1}"] tbody tr[aria-rowindex]`) !== null;
    /** The list's count line says it is filtered (both the app's and the floor's say "N of M"). */
    const filtered = () => / of /.test(document.querySelector('.list-count')?.textContent ?? '');
    // Watched from the first script on, so it counts from navigation start.
    const firstList = paintedWhen(() => document.querySelector('table[aria-rowcount] tbody tr[aria-rowindex]') !== null).then((at) => ({
      at,
      rows: Number(document.querySelector('table[aria-rowcount]')?.getAttribute('aria-rowcount')) - 1,
    }));
    let keystroke: Promise<number> | null = null;
    Object.defineProperty(window, '__bench', {
      value: {
        paintedWhen,
        listShown,
        firstList: () => firstList,
        /** Clicks a sidebar entry and resolves when a list of `rows` records is painted. */
        openSection(label: string, rows: number) {
          const painted = paintedWhen(listShown(rows));
          const start = performance.now();
          const button = [...document.querySelectorAll<HTMLButtonElement>('nav button')].find((b) => b.textContent?.trim() === label);
          if (!button) throw new Error(`No "${label}" in the sidebar`);
          button.click();
          return painted.then((at) => ({ start, at }));
        },
        /** Watches for the next keydown and the filtered list painted after it; resolves with the ms between. */
        armKeystroke() {
          keystroke = new Promise((resolve) => {
            addEventListener('keydown', (event) => void paintedWhen(filtered).then((at) => resolve(at - event.timeStamp)), { capture: true, once: true });
          });
        },
        keystroke: () => keystroke,
      },
    });
  });
}

export interface BenchWindow {
  __bench: {
    paintedWhen(test: () => boolean): Promise<number>;
    listShown(rows: number): () => boolean;
    firstList(): Promise<{ at: number; rows: number }>;
    openSection(label: string, rows: number): Promise<{ start: number; at: number }>;
    armKeystroke(): void;
    keystroke(): Promise<number> | null;
  };
  __gatekeyIpcReplies: Record<string, number>;
}

/** When the page's `method` call last got its reply (page clock). */
export const replyTime = (page: Page, method: string): Promise<number> =>
  page.evaluate((m) => (window as unknown as BenchWindow).__gatekeyIpcReplies[m] ?? Number.NaN, method);

/** Navigates and resolves with the first list's paint time (page clock, 0 = navigation start) and row count. */
export async function navigateUntilListPainted(page: Page, url: string): Promise<{ at: number; rows: number }> {
  await page.goto(url);
  return page.evaluate(() => (window as unknown as BenchWindow).__bench.firstList());
}

/**
 * Presses `key` in the search box and resolves with keydown -> filtered list painted, in ms.
 * Typing is measured on an idle page: work still queued from loading the list is not the keystroke's.
 */
export async function keystrokeToFilteredPaint(page: Page, key: string): Promise<number> {
  await page.focus('input[type="search"]');
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 })));
  await page.evaluate(() => (window as unknown as BenchWindow).__bench.armKeystroke());
  await page.keyboard.press(key);
  return page.evaluate(() => (window as unknown as BenchWindow).__bench.keystroke()!);
}
