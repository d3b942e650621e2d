import { screen, within } from '@testing-library/react';
import keytar from 'keytar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccessKeySummary } from '../../electron/shared/access-keys/types';
import type { TestBackend } from '../support/test-backend';
import { connectBackend, disconnect, renderApp } from './helpers';

/*
 * The page's dialog is the first step; main's native box (RecordingDesktop's
 * recorder here: Electron's dialog needs the binary) decides. When the user
 * says no there, the page closes its dialog without an error.
 */
const SLOW = { timeout: 60_000 };
let backend: TestBackend;
let key: AccessKeySummary;

beforeEach(async () => {
  backend = await connectBackend();
  const created = await backend.api.accessKeys.create({ name: 'payments', description: '' });
  if (!created.ok) throw new Error(created.error.message);
  key = created.data;
});
afterEach(() => disconnect(backend));

describe('main’s own confirmation, as the page sees it', () => {
  it('Cancel in main’s box closes the delete dialog quietly and keeps the key and its secret', async () => {
    backend.desktop.answer = () => false;
    const { user } = await renderApp();
    await user.click(screen.getByRole('button', { name: 'payments' }));
    await screen.findByRole('heading', { level: 1, name: 'payments' }, SLOW);
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete Access Key' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    await expect.poll(() => screen.queryByRole('alertdialog'), SLOW).toBeNull();
    expect(backend.desktop.confirmations).toHaveLength(1);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: 'payments' })).toBeTruthy();
    expect(await keytar.getPassword(backend.service, key.id)).not.toBeNull();
  }, 60_000);

  it('too many reveals: Show says to wait, with main’s words', async () => {
    for (let i = 0; i < 5; i += 1) await backend.api.accessKeys.revealSecret({ id: key.id });
    const { user } = await renderApp();
    await user.click(screen.getByRole('button', { name: 'payments' }));
    await screen.findByRole('heading', { level: 1, name: 'payments' }, SLOW);
    await user.click(screen.getByRole('button', { name: 'Show APISecret' }));
    expect((await screen.findByText(/at most 5 APISecrets a minute/, {}, SLOW)).textContent).toMatch(/Try again in \d+ s/);
  }, 60_000);
});
