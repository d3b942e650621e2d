import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { channelTable } from '../../../electron/ipc/contract';
import type { Dispatch } from '../../../electron/ipc/dispatch';
import type { MainEvents } from '../../../electron/ipc/main-events';

/** What the page talks to: the real dispatch, and the backend's events when there are any. */
export interface AppConnection {
  dispatch: Dispatch;
  events?: MainEvents;
}

const rendererDir = fileURLToPath(new URL('../../../dist/renderer/', import.meta.url));
/** A made-up origin served from the built files: file:// would block module scripts in plain Chromium. */
export const APP_ORIGIN = 'http://gatekey.invalid';

const contentTypes: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export interface OpenAppOptions {
  /** More routes or init scripts (the bench's), added before the first navigation. */
  prepare?(context: BrowserContext): Promise<void>;
}

/**
 * Opens the built renderer with `window.api` connected to `dispatch`, the real
 * main-process handlers, and main's events pushed into the page. Only Electron's IPC
 * transport is replaced: a page binding instead of ipcRenderer.invoke, with the same
 * per-feature, one-function-per-channel shape, and page.evaluate instead of webContents.send.
 * The page's clock time of each method's latest reply is kept in `window.__gatekeyIpcReplies`.
 */
export async function openApp(browser: Browser, { dispatch, events }: AppConnection, options: OpenAppOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 }, deviceScaleFactor: 1 });
  await context.route(`${APP_ORIGIN}/**`, async (route) => {
    const path = normalize(decodeURIComponent(new URL(route.request().url()).pathname)).replace(/^[/\\]+/, '');
    try {
      const body = await readFile(join(rendererDir, path || 'index.html'));
      await route.fulfill({ body, contentType: contentTypes[extname(path || '.html')] ?? 'application/octet-stream' });
    } catch {
      await route.fulfill({ status: 404, body: 'not found' });
    }
  });
  // Anything else the page asks for would be a CSP or packaging bug: fail loudly.
  await context.route((url) => !url.href.startsWith(APP_ORIGIN), (route) => route.abort());

  // Replies cross as one JSON string: Playwright's per-value serializer takes seconds over 100,000 records.
  await context.exposeBinding('__gatekeyIpc', async (_source, method: string, payload: unknown) => JSON.stringify(await dispatch(method, payload)));
  await context.addInitScript((table: Record<string, string[]>) => {
    const binding = (window as unknown as { __gatekeyIpc: (method: string, payload: unknown) => Promise<string> }).__gatekeyIpc;
    const ipc = async (method: string, payload: unknown): Promise<unknown> => JSON.parse(await binding(method, payload));
    const replies: Record<string, number> = {};
    Object.defineProperty(window, '__gatekeyIpcReplies', { value: replies });
    const listeners = new Set<(event: unknown) => void>();
    // Main's events arrive through page.evaluate, as webContents.send would deliver them.
    Object.defineProperty(window, '__gatekeyEvent', { value: (event: unknown) => listeners.forEach((listener) => listener(event)) });
    const api: Record<string, unknown> = {};
    for (const [namespace, names] of Object.entries(table)) {
      const feature: Record<string, (input: unknown) => Promise<unknown>> = {};
      for (const name of names) {
        const method = `${namespace}.${name}`;
        feature[name] = async (input) => {
          const reply = await ipc(method, input);
          replies[method] = performance.now();
          return reply;
        };
      }
      api[namespace] = Object.freeze(feature);
    }
    api.events = Object.freeze({
      subscribe(listener: (event: unknown) => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    });
    Object.defineProperty(window, 'api', { value: Object.freeze(api) });
  }, channelTable);
  await options.prepare?.(context);

  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  (page as Page & { problems: string[] }).problems = problems;
  const unsubscribe = events?.subscribe((event) => {
    void page.evaluate((message) => (window as unknown as { __gatekeyEvent?: (event: unknown) => void }).__gatekeyEvent?.(message), event).catch(() => undefined);
  });
  page.on('close', () => unsubscribe?.());
  await page.goto(`${APP_ORIGIN}/index.html`);
  return page;
}

/** Errors the page reported (CSP violations show up here). */
export const pageProblems = (page: Page): string[] => (page as Page & { problems?: string[] }).problems ?? [];
