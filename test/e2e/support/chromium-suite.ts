import { access } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium';

/**
 * One Chromium for the whole file, started once the built renderer is known to
 * exist (npm test and npm run test:e2e build it first). Call at the top of a file.
 */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    await access(fileURLToPath(new URL('../../../dist/renderer/index.html', import.meta.url))).catch(() => {
      throw new Error('dist/renderer is missing: run `npm run build:renderer` first (npm test and npm run test:e2e do).');
    });
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());
  return () => {
    if (!browser) throw new Error('Chromium is not running yet');
    return browser;
  };
}
