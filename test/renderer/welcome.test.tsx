import { join } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import keytar from 'keytar';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useAppStore } from '../../renderer/src/store';
import type { TestBackend } from '../support/test-backend';
import { connectBackend, dataDirWith, disconnect, renderApp, STORE_FILE, withOverride } from './helpers';

// First run and About, against the real backend: temp data folder, real keychain.
let backend: TestBackend | undefined;
afterEach(async () => {
  await disconnect(backend);
  backend = undefined;
});

const welcome = () => screen.queryByRole('dialog', { name: 'Welcome to Gatekey' });
const firstRunNow = async () => {
  const status = await backend!.api.app.getStatus({});
  return status.ok && status.data.firstRun;
};

describe('first run', () => {
  it('explains both roles and says the keychain works', async () => {
    backend = await connectBackend();
    await renderApp({ welcome: true });
    const dialog = welcome()!;
    expect(within(dialog).getByRole('region', { name: 'You call APIs' }).textContent).toMatch(/Access Key.*APISecret in your OS keychain/);
    expect(within(dialog).getByRole('region', { name: 'You provide APIs' }).textContent).toMatch(/Access Authorization.*API groups/);
    await within(dialog).findByText(/Your OS keychain works/);
    // Only a probe: nothing of it is left in the keychain, and nothing was saved yet.
    expect(await keytar.findCredentials(backend.service)).toEqual([]);
    expect(await firstRunNow()).toBe(true);
  });

  it('leads the caller to Create Access Key, and does not come back', async () => {
    backend = await connectBackend();
    const { user } = await renderApp({ welcome: true });
    await user.click(within(welcome()!).getByRole('button', { name: 'Create Access Key' }));
    expect(welcome()).toBeNull();
    expect(await screen.findByRole('dialog', { name: 'Create Access Key' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Access Key' })).toBeTruthy();
    await waitFor(async () => expect(await firstRunNow()).toBe(false));
  });

  it('leads the provider to Create Authorization on the Access Authorization page', async () => {
    backend = await connectBackend();
    const { user } = await renderApp({ welcome: true });
    await user.click(within(welcome()!).getByRole('button', { name: 'Create Authorization' }));
    expect(welcome()).toBeNull();
    expect(await screen.findByRole('heading', { level: 1, name: 'Access Authorization' })).toBeTruthy();
    expect(await screen.findByRole('dialog', { name: 'Create Authorization' })).toBeTruthy();
    await waitFor(async () => expect(await firstRunNow()).toBe(false));
  });

  it('says what to install or unlock when the keychain does not work, and checks again on request', async () => {
    backend = await connectBackend();
    const message = 'Install libsecret (libsecret-1-0) and run a Secret Service such as GNOME Keyring or KWallet, unlock it, then try again.';
    const check = vi.fn(async () => ({ ok: false as const, error: { code: 'KEYCHAIN_UNAVAILABLE' as const, message } }));
    window.api = withOverride(backend.api, 'keychain.check', check);
    const { user } = await renderApp({ welcome: true });
    const alert = within(welcome()!).getByRole('alert');
    expect(alert.textContent).toContain('The OS keychain is not available');
    expect(alert.textContent).toContain(message);
    await user.click(within(alert).getByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(check).toHaveBeenCalledTimes(2));
    // The ways forward stay open: creating a key then fails with the same message.
    expect(within(welcome()!).getByRole('button', { name: 'Create Access Key' })).toBeTruthy();
  });

  it('is dismissed by Skip for now or Esc, and remembered by main', async () => {
    backend = await connectBackend();
    const { user } = await renderApp({ welcome: true });
    await user.click(within(welcome()!).getByRole('button', { name: 'Skip for now' }));
    expect(welcome()).toBeNull();
    await waitFor(async () => expect(await firstRunNow()).toBe(false));
    expect(useAppStore.getState().screen).toEqual({ name: 'accessKeyList' });

    await disconnect(backend);
    backend = await connectBackend();
    const second = await renderApp({ welcome: true });
    await second.user.keyboard('{Escape}');
    expect(welcome()).toBeNull();
    await waitFor(async () => expect(await firstRunNow()).toBe(false));
  });

  it('does not show when a data file already exists', async () => {
    backend = await connectBackend({ dataDir: await dataDirWith([]) });
    await renderApp({ welcome: true });
    expect(welcome()).toBeNull();
  });
});

describe('About Gatekey', () => {
  it('shows versions, licence and the data folder, and opens the folder', async () => {
    backend = await connectBackend();
    const { user } = await renderApp();
    await user.click(screen.getByRole('button', { name: 'About Gatekey' }));
    const dialog = await screen.findByRole('dialog', { name: 'About Gatekey' });
    await within(dialog).findByText('0.0.0-test');
    const facts = Object.fromEntries(
      within(dialog)
        .getAllByRole('term')
        .map((term) => [term.textContent, term.nextElementSibling?.textContent]),
    );
    expect(facts).toMatchObject({ Version: '0.0.0-test', 'Node.js': process.versions.node, Licence: 'MIT' });
    // Under plain Node there is no Electron or Chromium; main says so rather than inventing versions.
    expect(facts.Electron).toBeTruthy();
    expect(facts.Chromium).toBeTruthy();
    expect(within(dialog).getByText(backend.dataDir)).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Show in folder' }));
    await waitFor(() => expect(backend!.desktop.shownInFolder).toEqual([join(backend!.dataDir, STORE_FILE)]));
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog', { name: 'About Gatekey' })).toBeNull();
  });
});
