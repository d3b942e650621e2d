import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBackend } from '../support/test-backend';
import { connectBackend, disconnect, findToast } from './helpers';
import { openSection, startApp } from './provider-helpers';

// Where toasts are rendered, through the real handlers. jsdom makes nothing inert (its
// <dialog> is a stand-in, see setup.ts): that toasts in a dialog's region are on top,
// clickable and heard is checked in Chromium, in test/e2e/toasts-over-dialogs.test.ts.

let backend: TestBackend;
beforeEach(async () => {
  backend = await connectBackend();
});
afterEach(() => disconnect(backend));

/** The live region a toast is in, and the dialog holding that region, if any. */
const placeOf = (toast: HTMLElement) => {
  const region = toast.closest<HTMLElement>('[aria-live="polite"]')!;
  return { region, dialog: region.closest('dialog') };
};

describe('toasts and dialogs', () => {
  it('shows toasts in the open dialog while there is one, and in the app again once it closes', async () => {
    const { user } = await startApp();
    const appRegion = document.querySelector<HTMLElement>('.app > [role="status"][aria-live="polite"]')!;
    expect(appRegion).not.toBeNull();

    // A toast with an action: it stays 12 s, time enough on a busy machine.
    const message = 'Authorization created for FFEEDDCCBBAA00998877665544332211';
    await openSection(user, 'Access Authorization');
    const openCreate = async () => {
      await user.click(screen.getAllByRole('button', { name: 'Create Authorization' })[0]!);
      return screen.findByRole('dialog', { name: 'Create Authorization' });
    };
    await user.type(within(await openCreate()).getByRole('textbox', { name: 'Access Key ID or APIKey' }), 'FFEEDDCCBBAA00998877665544332211{Enter}');
    const toast = await findToast(message);
    expect(placeOf(toast)).toEqual({ region: appRegion, dialog: null });

    // A dialog opened while the toast shows: the toast goes with it, into its own, already present region.
    const dialog = await openCreate();
    const moved = within(dialog).getByText(message);
    expect(placeOf(moved).dialog).toBe(dialog);
    expect(placeOf(moved).region.getAttribute('role')).toBe('status');
    expect(appRegion.childElementCount).toBe(0);
    // It stays out of the dialog's first focus.
    expect(document.activeElement).toBe(within(dialog).getByRole('textbox', { name: 'Access Key ID or APIKey' }));

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(placeOf(screen.getByText(message))).toEqual({ region: appRegion, dialog: null });

    await user.click(within(appRegion).getByRole('button', { name: 'Dismiss notification' }));
    expect(screen.queryByText(message)).toBeNull();
  });
});
