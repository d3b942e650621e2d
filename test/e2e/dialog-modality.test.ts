import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../electron/ipc/dispatch';
import { startTestBackend, type TestBackend } from '../support/test-backend';
import { useChromium } from './support/chromium-suite';
import { openApp, pageProblems } from './support/open-app';
import { screenshot } from './support/screenshots';

// The modality jsdom cannot give (its <dialog> is a stand-in, see test/renderer/setup.ts):
// the built renderer in Debian's Chromium, the real handlers, a real <dialog> opened with showModal().

let backend: TestBackend;
let page: Page;

const chromium = useChromium();
afterEach(async () => {
  if (page) expect(pageProblems(page)).toEqual([]);
  await page?.context().close();
  await backend?.cleanup();
});

const hasFocus = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);

/** Where focus is: inside the open dialog, on nothing in particular, or on something behind it. */
const focusPlace = () =>
  page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return 'nowhere';
    return active.closest('dialog[open]') ? `dialog: ${active.getAttribute('aria-label') ?? active.textContent?.trim() ?? active.tagName}` : `behind: ${active.outerHTML.slice(0, 80)}`;
  });

/** Opens the app past the welcome; `hold` lets a test keep main's replies waiting. */
async function openAppHeld() {
  backend = await startTestBackend();
  await backend.api.app.dismissWelcome({});
  let held: Promise<void> | null = null;
  let release = () => {};
  const dispatch: Dispatch = async (method, payload) => {
    if (held) await held;
    return backend.dispatch(method, payload);
  };
  page = await openApp(chromium(), { ...backend, dispatch });
  await page.getByText('No access keys yet').waitFor();
  return {
    hold() {
      held = new Promise((resolve) => (release = resolve));
    },
    release() {
      held = null;
      release();
    },
  };
}

describe('dialogs are modal in Chromium', () => {
  it('makes the page behind inert, keeps Tab inside, closes on Escape and gives focus back to the opener', async () => {
    await openAppHeld();
    const opener = page.getByRole('button', { name: 'Create Access Key' }).first();
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Create Access Key' });
    await dialog.waitFor();
    expect(await dialog.evaluate((element) => element.matches(':modal'))).toBe(true);
    await expect.poll(() => hasFocus(dialog.getByRole('textbox', { name: 'Name' }))).toBe(true);
    await page.keyboard.type('payments-prod');
    await page.mouse.move(0, 0);
    await screenshot(page, '70-dialog-modal');

    // Tab and Shift+Tab, well past the dialog's four controls, never land behind it.
    const places: string[] = [];
    for (const key of [...Array<string>(9).fill('Tab'), ...Array<string>(9).fill('Shift+Tab')]) {
      await page.keyboard.press(key);
      places.push(await focusPlace());
    }
    expect(places.filter((place) => place.startsWith('behind'))).toEqual([]);
    expect(places.filter((place) => place === 'dialog: Cancel').length).toBeGreaterThanOrEqual(2);

    // A control behind the dialog takes neither focus nor a click.
    const apiGroups = page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'API Groups' });
    expect(
      await apiGroups.evaluate((button) => {
        (button as HTMLElement).focus();
        return button === document.activeElement;
      }),
    ).toBe(false);
    const box = (await apiGroups.boundingBox())!;
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('nav') ?? null, centre)).toBeNull();
    await page.mouse.click(centre.x, centre.y);
    expect(await dialog.count()).toBe(1);
    expect(await page.getByRole('heading', { level: 1, name: 'Access Key' }).count()).toBe(1);

    // Escape is Cancel: nothing created, and focus is back on the button that opened the dialog.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => hasFocus(opener)).toBe(true);
    await page.getByText('No access keys yet').waitFor();
    // With the dialog gone, the same click reaches the page again.
    await page.mouse.click(centre.x, centre.y);
    await page.getByRole('heading', { level: 1, name: 'API Groups' }).waitFor();
  });

  it('ignores Escape while a submit is pending, however often it is pressed', async () => {
    const main = await openAppHeld();
    await page.getByRole('button', { name: 'Create Access Key' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Create Access Key' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('payments-prod');

    main.hold();
    await dialog.getByRole('textbox', { name: 'Name' }).press('Enter');
    const pending = dialog.getByRole('button', { name: 'Creating…' });
    await pending.waitFor();
    expect(await pending.isDisabled()).toBe(true);
    // Chromium lets a page refuse a cancel only once per user activation: twice shows it is never offered.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    expect(await dialog.count()).toBe(1);
    expect(await dialog.evaluate((element) => (element as HTMLDialogElement).open)).toBe(true);

    main.release();
    await page.getByRole('heading', { level: 1, name: 'payments-prod' }).waitFor();
    expect(await dialog.count()).toBe(0);
  });
});
