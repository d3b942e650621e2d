import { screen, waitFor, within } from '@testing-library/react';
import keytar from 'keytar';
import { afterEach, describe, expect, it } from 'vitest';
import { apiOver, testKeychainService, type TestBackend } from '../support/test-backend';
import { connectBackend, dataDirWith, disconnect, findToast, record, renderApp, withOverride } from './helpers';

let backend: TestBackend | undefined;
afterEach(() => disconnect(backend));

// Created at three distinct times, deliberately not in name order.
const seeded = [
  record({ id: 'aaaaaaaaaa01', name: 'orders-api', apiKey: 'A1B2C3D4E5F60718293A4B5C6D7E8F90', createdAt: '2024-03-01T10:00:00.000Z' }),
  record({ id: 'bbbbbbbbbb02', name: 'Billing', apiKey: 'FFEEDDCCBBAA00998877665544332211', createdAt: '2024-05-01T10:00:00.000Z', description: 'Nightly billing job' }),
  record({ id: 'cccccccccc03', name: 'reports', apiKey: '0123456789ABCDEF0123456789ABCDEF', createdAt: '2024-01-01T10:00:00.000Z' }),
];

async function renderSeeded() {
  backend = await connectBackend({ dataDir: await dataDirWith(seeded) });
  return renderApp();
}

const rowNames = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('button')[0]!.textContent);

describe('Access Key list', () => {
  it('lists keys newest first and re-sorts by the Created header', async () => {
    const { user } = await renderSeeded();
    expect(screen.getByRole('heading', { level: 1, name: 'Access Key' })).toBeTruthy();
    expect(rowNames()).toEqual(['Billing', 'orders-api', 'reports']);
    expect(screen.getByRole('columnheader', { name: /Created/ }).getAttribute('aria-sort')).toBe('descending');
    expect(screen.getByText('FFEEDDCC…2211')).toBeTruthy();

    // Main orders: the rows follow its answer.
    await user.click(screen.getByRole('button', { name: 'Created' }));
    await waitFor(() => expect(rowNames()).toEqual(['reports', 'orders-api', 'Billing']));
    expect(screen.getByRole('columnheader', { name: /Created/ }).getAttribute('aria-sort')).toBe('ascending');
  });

  it('filters by name, Access Key ID and APIKey as you type, ignoring case', async () => {
    const { user } = await renderSeeded();
    const search = screen.getByRole('searchbox', { name: 'Search access keys' });

    // Main searches: each answer replaces the rows shown for the previous search.
    await user.type(search, 'BILL');
    await waitFor(() => expect(rowNames()).toEqual(['Billing']));
    expect(screen.getByText('1 of 3 access keys')).toBeTruthy();

    await user.clear(search);
    await user.type(search, 'cccccccccc');
    await waitFor(() => expect(rowNames()).toEqual(['reports']));

    await user.clear(search);
    await user.type(search, 'a1b2c3');
    await waitFor(() => expect(rowNames()).toEqual(['orders-api']));

    await user.clear(search);
    await user.type(search, 'nothing-like-this');
    expect(await screen.findByRole('heading', { name: 'No matching access keys' })).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();

    await user.keyboard('{Escape}');
    expect((search as HTMLInputElement).value).toBe('');
    await waitFor(() => expect(rowNames()).toHaveLength(3));
  });

  it('focuses the search box with "/" and Ctrl+F', async () => {
    const { user } = await renderSeeded();
    const search = screen.getByRole('searchbox', { name: 'Search access keys' });
    await user.keyboard('/');
    expect(document.activeElement).toBe(search);
    expect((search as HTMLInputElement).value).toBe('');
    search.blur();
    await user.keyboard('{Control>}f{/Control}');
    expect(document.activeElement).toBe(search);
  });

  it('copies the APIKey through main and confirms with a toast', async () => {
    const { user } = await renderSeeded();
    const row = screen.getByRole('button', { name: 'orders-api' }).closest('tr')!;
    await user.click(within(row).getByRole('button', { name: 'Copy APIKey' }));
    await findToast('APIKey copied');
    expect(backend!.clipboard.text).toBe('A1B2C3D4E5F60718293A4B5C6D7E8F90');
  });

  it('opens details from the keyboard: Tab to the name, Enter', async () => {
    const { user } = await renderSeeded();
    const nameButton = screen.getByRole('button', { name: 'reports' });
    while (document.activeElement !== nameButton) await user.tab();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'reports' })).toBeTruthy();
  });

  it('marks keys whose secret is missing and reports orphaned keychain entries', async () => {
    const service = testKeychainService();
    // Only "Billing" gets its secret; plus two entries no record points to.
    await keytar.setPassword(service, 'bbbbbbbbbb02', 'S'.repeat(32));
    await keytar.setPassword(service, 'dddddddddd04', 'x');
    await keytar.setPassword(service, 'eeeeeeeeee05', 'y');
    backend = await connectBackend({ dataDir: await dataDirWith(seeded), service });
    const { user } = await renderApp();

    const badgeIn = (name: string) => within(screen.getByRole('button', { name }).closest('td')!).queryByText('secret missing');
    expect(badgeIn('orders-api')).toBeTruthy();
    expect(badgeIn('reports')).toBeTruthy();
    expect(badgeIn('Billing')).toBeNull();

    expect(screen.getByText('2 keychain entries have no access key record')).toBeTruthy();
    await user.click(screen.getByText('Show entries'));
    expect(screen.getByText('dddddddddd04')).toBeTruthy();
    expect(screen.getByText('eeeeeeeeee05')).toBeTruthy();
  });

  it('shows a key created elsewhere by itself: main says the data changed', async () => {
    await renderSeeded();
    await backend!.api.accessKeys.create({ name: 'from-the-cli', description: '' });
    expect(await screen.findByRole('button', { name: 'from-the-cli' })).toBeTruthy();
    expect(screen.getByText('4 access keys')).toBeTruthy();
  });

  it('refreshes on request, for a change main did not announce', async () => {
    backend = await connectBackend({ dataDir: await dataDirWith(seeded) });
    // This window hears no events: only Refresh can show what changed.
    window.api = apiOver(backend.dispatch);
    const { user } = await renderApp();
    await backend.api.accessKeys.create({ name: 'from-another-window', description: '' });
    expect(screen.queryByRole('button', { name: 'from-another-window' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await screen.findByRole('button', { name: 'from-another-window' })).toBeTruthy();
  });

  it('keeps Refresh usable while main\'s event has the list asked again, and joins that refetch', async () => {
    backend = await connectBackend({ dataDir: await dataDirWith(seeded) });
    const real = backend.api;
    let lists = 0;
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding = false;
    window.api = withOverride(real, 'accessKeys.query', async (input) => {
      lists += 1;
      if (holding) await released;
      return real.accessKeys.query(input);
    });
    const { user } = await renderApp();
    // From here main's answers to the list wait until released: the refetch is visibly running.
    holding = true;
    lists = 0;

    await real.accessKeys.create({ name: 'from-the-cli', description: '' });
    await waitFor(() => expect(lists).toBe(1));
    const refresh = screen.getByRole<HTMLButtonElement>('button', { name: 'Refresh' });
    expect(refresh.disabled).toBe(false);
    await user.click(refresh);
    release();
    expect(await screen.findByRole('button', { name: 'from-the-cli' })).toBeTruthy();
    expect(lists).toBe(1);
  });

  it('drops "secret missing" once Show finds the secret put back behind the app\'s back, without asking for the list', async () => {
    const service = testKeychainService();
    for (const { id } of seeded) if (id !== 'aaaaaaaaaa01') await keytar.setPassword(service, id, 'S'.repeat(32));
    backend = await connectBackend({ dataDir: await dataDirWith(seeded), service });
    const real = backend.api;
    let lists = 0;
    window.api = withOverride(real, 'accessKeys.query', (input) => {
      lists += 1;
      return real.accessKeys.query(input);
    });
    const { user } = await renderApp();
    const badgeIn = (name: string) => within(screen.getByRole('button', { name }).closest('td')!).queryByText('secret missing');
    expect(badgeIn('orders-api')).toBeTruthy();

    await keytar.setPassword(service, 'aaaaaaaaaa01', 'R'.repeat(32));
    lists = 0;
    await user.click(screen.getByRole('button', { name: 'orders-api' }));
    await screen.findByRole('heading', { level: 1, name: 'orders-api' });
    await user.click(screen.getByRole('button', { name: 'Show APISecret' }));
    expect(await screen.findByText('R'.repeat(32))).toBeTruthy();
    expect(screen.queryByText('secret missing')).toBeNull();

    await user.click(within(screen.getByRole('navigation', { name: 'Breadcrumb' })).getByRole('button', { name: 'Access Key' }));
    await screen.findByRole('heading', { level: 1, name: 'Access Key' });
    expect(badgeIn('orders-api')).toBeNull();
    expect(lists).toBe(0);
  });
});
