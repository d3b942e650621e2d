import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../support/test-backend';
import { useChromium } from './support/chromium-suite';
import { useFileKeyring } from './support/file-keyring';
import { openApp, pageProblems } from './support/open-app';
import { screenshot } from './support/screenshots';

// Toasts while a modal dialog is open, in Debian's Chromium against the real handlers.
// showModal() makes everything outside the dialog inert (no clicks, no focus, hidden
// from screen readers), popovers shown above it included: what jsdom cannot show.
// The keychain that becomes readable again is this file's own Secret Service (a
// private gnome-keyring), locked and unlocked for real, as in keychain-states.test.ts.

const linux = process.platform === 'linux';
let backend: TestBackend | undefined;
let page: Page | undefined;

const keychain = useFileKeyring();
const chromium = useChromium();
afterEach(async () => {
  const problems = page ? pageProblems(page) : [];
  await page?.context().close();
  page = undefined;
  // Clean-up lists the keychain, which a locked collection does not survive.
  await keychain()?.unlock();
  await backend?.cleanup();
  backend = undefined;
  expect(problems).toEqual([]);
});

/**
 * What Chromium gives screen readers for this element: whether it is in the accessibility tree
 * (an inert node is there only as ignored), its name, the text in it that is read out, and
 * whether a polite live region holds it.
 */
async function accessibility(target: Locator) {
  const marker = String(Date.now());
  await target.evaluate((element, value) => element.setAttribute('data-ax-check', value), marker);
  const cdp = await page!.context().newCDPSession(page!);
  try {
    const { result } = await cdp.send('Runtime.evaluate', { expression: `document.querySelector('[data-ax-check="${marker}"]')` });
    const { node } = await cdp.send('DOM.describeNode', { objectId: result.objectId });
    // The node with its ancestors (and their other children).
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { objectId: result.objectId, fetchRelatives: true });
    const own = nodes.find((candidate) => candidate.backendDOMNodeId === node.backendNodeId);
    const live = nodes.some((candidate) => !candidate.ignored && candidate.properties?.some((p) => p.name === 'live' && p.value.value === 'polite'));
    // Text under it that is read out (a plain <div> or <span> is left out of the tree as uninteresting; its text is not).
    const { nodes: textNodes } = await cdp.send('Accessibility.queryAXTree', { objectId: result.objectId, role: 'StaticText' });
    const texts = textNodes.filter((text) => !text.ignored).map((text) => text.name?.value);
    return { ignored: own?.ignored ?? true, name: own?.name?.value, texts, live };
  } finally {
    await target.evaluate((element) => element.removeAttribute('data-ax-check'));
    await cdp.detach();
  }
}

/** A toast's button as a user meets it: on top at its centre, focusable, and in the accessibility tree by its name. */
async function expectReachable(button: Locator, name: string) {
  const box = (await button.boundingBox())!;
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  expect(await button.evaluate((element, { x, y }) => element.contains(document.elementFromPoint(x, y)), centre)).toBe(true);
  // An inert element refuses focus; `[inert]` alone would not tell, as a modal dialog sets no attribute.
  expect(
    await button.evaluate((element) => {
      (element as HTMLElement).focus();
      return element === document.activeElement && element.closest('[inert]') === null;
    }),
  ).toBe(true);
  expect(await accessibility(button)).toMatchObject({ ignored: false, name, live: true });
  return centre;
}

describe('toasts over a modal dialog', () => {
  it.runIf(linux)('says the keychain can be read again over the welcome, where it can be heard and dismissed', async () => {
    backend = await startTestBackend();
    await keychain()!.lock();
    page = await openApp(chromium(), backend);

    const welcome = page.getByRole('dialog', { name: 'Welcome to Gatekey' });
    const problem = welcome.getByRole('alert').filter({ hasText: 'The OS keychain is locked' });
    await problem.waitFor();
    await keychain()!.unlock();
    // The welcome's own keychain check may have been waiting on the locked keyring, as behind an unlock
    // prompt, and see it readable by itself; if not, Check again tells Gatekey. Either way the welcome stays.
    const toast = page.locator('.toast').filter({ hasText: 'The OS keychain can be read again' });
    await Promise.race([toast.waitFor(), problem.getByRole('button', { name: 'Check again' }).click().catch(() => undefined)]);
    await toast.waitFor();
    await welcome.getByText('Your OS keychain works: APISecrets will be stored there.').waitFor();
    expect(await welcome.evaluate((element) => element.matches(':modal'))).toBe(true);
    // Announced from where it is: inside the open dialog, the one part of the page that is not inert.
    expect(await toast.evaluate((element) => element.closest('dialog:modal')?.querySelector('h2')?.textContent)).toBe('Welcome to Gatekey');
    expect(await accessibility(toast)).toMatchObject({ texts: ['The OS keychain can be read again'], live: true });

    const centre = await expectReachable(toast.getByRole('button', { name: 'Dismiss notification' }), 'Dismiss notification');
    await page.mouse.move(centre.x, centre.y);
    await screenshot(page, '80-toast-over-welcome');
    await page.mouse.click(centre.x, centre.y);
    await expect.poll(() => toast.count()).toBe(0);
    // The click went to the toast, not through it to the page behind: the welcome is still open.
    expect(await welcome.count()).toBe(1);
  });

  it('moves a toast with an action above a dialog opened after it; its action works from there', async () => {
    backend = await startTestBackend();
    await backend.api.app.dismissWelcome({});
    page = await openApp(chromium(), backend);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Access Authorization', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Access Authorization' }).waitFor();

    const callerKey = 'FFEEDDCCBBAA00998877665544332211';
    await page.getByRole('button', { name: 'Create Authorization' }).first().click();
    const create = page.getByRole('dialog', { name: 'Create Authorization' });
    await create.getByRole('textbox', { name: 'Access Key ID or APIKey' }).fill(callerKey);
    await create.getByRole('button', { name: 'Create', exact: true }).click();
    const toast = page.locator('.toast').filter({ hasText: `Authorization created for ${callerKey}` });
    await expect.poll(() => create.count()).toBe(0);
    // Raised as the dialog closed: it may show in the closing dialog first, then in the page's own region.
    await expect.poll(() => toast.evaluate((element) => element.closest('dialog') === null)).toBe(true);

    // The next one, at once: the toast (12 s to live) is still there, and must not end up behind the dialog.
    await page.getByRole('button', { name: 'Create Authorization' }).first().click();
    await create.waitFor();
    await expect.poll(() => toast.evaluate((element) => element.closest('dialog:modal') !== null)).toBe(true);
    const action = toast.getByRole('button', { name: 'Bind API groups' });
    await action.hover();
    await screenshot(page, '81-action-toast-over-dialog');
    const centre = await expectReachable(action, 'Bind API groups');

    await page.mouse.click(centre.x, centre.y);
    await page.getByRole('dialog', { name: 'Bind API Groups' }).waitFor();
    expect(await toast.count()).toBe(0);
  });
});
