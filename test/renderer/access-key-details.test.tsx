import { act, screen, within } from '@testing-library/react';
import keytar from 'keytar';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccessKeySummary } from '../../electron/shared/access-keys/types';
import { apiOver, type TestBackend } from '../support/test-backend';
import { connectBackend, disconnect, findToast, heldByTheWindow, renderApp } from './helpers';

let backend: TestBackend;
let key: AccessKeySummary;

beforeEach(async () => {
  backend = await connectBackend();
  const created = await backend.api.accessKeys.create({ name: 'payments', description: 'Payment gateway' });
  if (!created.ok) throw new Error(created.error.message);
  key = created.data;
});
afterEach(() => disconnect(backend));

async function secretOf(id: string): Promise<string> {
  const result = await backend.api.accessKeys.revealSecret({ id });
  if (!result.ok) throw new Error(result.error.message);
  return result.data.secret;
}

async function openDetails() {
  const view = await renderApp();
  await view.user.click(screen.getByRole('button', { name: 'payments' }));
  await screen.findByRole('heading', { level: 1, name: 'payments' });
  return view;
}

describe('Access Key details', () => {
  it('shows basic information and the full APIKey', async () => {
    await openDetails();
    const info = screen.getByRole('region', { name: 'Basic information' });
    expect(within(info).getByText(key.id)).toBeTruthy();
    expect(within(info).getByText('Payment gateway')).toBeTruthy();
    expect(screen.getByText(key.apiKey)).toBeTruthy();
  });

  it('reveals the APISecret only on Show and drops it on Hide', async () => {
    const { user } = await openDetails();
    const secret = await secretOf(key.id);
    expect(screen.queryByText(secret)).toBeNull();
    expect(screen.getByText('APISecret hidden')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Show APISecret' }));
    expect(await screen.findByText(secret)).toBeTruthy();
    // The secret lives in the component only: never in the UI store or the query cache.
    expect(heldByTheWindow()).toContain(key.apiKey);
    expect(heldByTheWindow()).not.toContain(secret);

    await user.click(screen.getByRole('button', { name: 'Hide APISecret' }));
    expect(screen.queryByText(secret)).toBeNull();
    expect(document.body.textContent).not.toContain(secret);
  });

  it('forgets a revealed APISecret when leaving the page', async () => {
    const { user } = await openDetails();
    const secret = await secretOf(key.id);
    await user.click(screen.getByRole('button', { name: 'Show APISecret' }));
    await screen.findByText(secret);
    await user.click(within(screen.getByRole('navigation', { name: 'Breadcrumb' })).getByRole('button', { name: 'Access Key' }));
    await screen.findByRole('button', { name: 'payments' });
    await user.click(screen.getByRole('button', { name: 'payments' }));
    await screen.findByRole('heading', { level: 1, name: 'payments' });
    expect(document.body.textContent).not.toContain(secret);
    expect(screen.getByRole('button', { name: 'Show APISecret' })).toBeTruthy();
  });

  it('copies the APISecret in main and says when the clipboard is cleared', async () => {
    const { user } = await openDetails();
    await user.click(screen.getByRole('button', { name: 'Copy APISecret' }));
    await findToast('APISecret copied. The clipboard will be cleared in 30 s');
    expect(backend.clipboard.text).toBe(await secretOf(key.id));
    // Copying never puts the secret on the page.
    expect(document.body.textContent).not.toContain(backend.clipboard.text);
  });

  it('copies the APIKey from the details page', async () => {
    const { user } = await openDetails();
    await user.click(screen.getByRole('button', { name: 'Copy APIKey' }));
    await findToast('APIKey copied');
    expect(backend.clipboard.text).toBe(key.apiKey);
  });

  it('shows a truly missing secret inline and offers to re-enter it before any talk of deleting', async () => {
    const { user } = await openDetails();
    await keytar.deletePassword(backend.service, key.id);
    await user.click(screen.getByRole('button', { name: 'Show APISecret' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The APISecret is missing from the OS keychain');
    expect(alert.textContent).toContain('The keychain was read');
    expect(alert.textContent).not.toMatch(/locked/i);
    const text = alert.textContent ?? '';
    expect(text.indexOf('Re-enter the APISecret')).toBeGreaterThan(-1);
    expect(text.indexOf('Re-enter the APISecret')).toBeLessThan(text.indexOf('delete this access key'));
    expect(screen.getAllByText('secret missing').length).toBeGreaterThan(0);

    // Keyboard: the button, then the dialog's password field, then Enter saves.
    within(alert).getByRole('button', { name: 'Re-enter the APISecret' }).focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Re-enter the APISecret of payments' });
    await user.keyboard('D'.repeat(32));
    await user.keyboard('{Enter}');
    await findToast('APISecret of "payments" is back in the OS keychain');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(dialog.isConnected).toBe(false);
    expect(await keytar.getPassword(backend.service, key.id)).toBe('D'.repeat(32));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText('secret missing')).toBeNull();
  });

  it('edits name and description', async () => {
    const { user } = await openDetails();
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Access Key' });
    const name = within(dialog).getByRole('textbox', { name: /Name/ });
    expect((name as HTMLInputElement).value).toBe('payments');
    await user.clear(name);
    await user.type(name, 'payments-v2');
    const description = within(dialog).getByRole('textbox', { name: /Description/ });
    await user.clear(description);
    await user.type(description, 'Second gateway');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'payments-v2' })).toBeTruthy();
    await findToast('Access key saved');
    const stored = await backend.api.accessKeys.get({ id: key.id });
    expect(stored.ok && stored.data).toMatchObject({ name: 'payments-v2', description: 'Second gateway' });
  });

  it('asks before deleting: Cancel keeps the key, Delete removes it and its secret', async () => {
    const { user } = await openDetails();
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    let dialog = await screen.findByRole('alertdialog', { name: 'Delete Access Key' });
    expect(dialog.textContent).toContain('payments');
    expect(dialog.textContent).toContain('removed from the OS keychain');
    expect(dialog.textContent).toContain('cannot be undone');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));

    await user.keyboard('{Enter}'); // Enter on the default focus cancels
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect((await backend.api.accessKeys.get({ id: key.id })).ok).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    dialog = await screen.findByRole('alertdialog', { name: 'Delete Access Key' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    await findToast('Access key "payments" deleted');
    expect(screen.getByRole('heading', { level: 1, name: 'Access Key' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'No access keys yet' })).toBeTruthy();
    const gone = await backend.api.accessKeys.get({ id: key.id });
    expect(!gone.ok && gone.error.code).toBe('NOT_FOUND');
    const report = await backend.api.keychain.reconcile({});
    expect(report.ok && report.data.orphanAccounts).toEqual([]);
  });

  it('says so when the key no longer exists, even if the list still showed it', async () => {
    // This window hears no events, so its list still shows the key deleted elsewhere.
    window.api = apiOver(backend.dispatch);
    const { user } = await renderApp();
    await backend.api.accessKeys.delete({ id: key.id });
    await user.click(screen.getByRole('button', { name: 'payments' }));
    expect(await screen.findByRole('heading', { name: 'This access key no longer exists' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Back to Access Key list' }));
    expect(await screen.findByRole('heading', { name: 'No access keys yet' })).toBeTruthy();
  });

  it('says so by itself when the key is deleted elsewhere while its page is open', async () => {
    await openDetails();
    await backend.api.accessKeys.delete({ id: key.id });
    expect(await screen.findByRole('heading', { name: 'This access key no longer exists' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show APISecret' })).toBeNull();
  });

  it('shows a rename made elsewhere while its page is open', async () => {
    await openDetails();
    await backend.api.accessKeys.update({ id: key.id, name: 'payments-renamed', description: 'Payment gateway' });
    expect(await screen.findByRole('heading', { level: 1, name: 'payments-renamed' })).toBeTruthy();
  });

  it('hides a revealed APISecret by itself after 60 s', async () => {
    const { user } = await openDetails();
    const secret = await secretOf(key.id);
    // Fake only timers started from here on; IPC and the keychain keep real time.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
    try {
      await user.click(screen.getByRole('button', { name: 'Show APISecret' }));
      await screen.findByText(secret);
      // The 60 s start when the effect that sets the timer runs, just after the secret is painted;
      // on a busy machine that can come after findByText: let it run before the clock moves.
      await act(async () => {});
      act(() => vi.advanceTimersByTime(59_000));
      expect(screen.getByText(secret)).toBeTruthy();
      act(() => vi.advanceTimersByTime(1_500));
      expect(screen.queryByText(secret)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
