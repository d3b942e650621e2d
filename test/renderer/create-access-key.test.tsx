import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryClient } from '../../renderer/src/queries/query-client';
import type { TestBackend } from '../support/test-backend';
import { connectBackend, disconnect, findToast, renderApp, withOverride } from './helpers';
import { everyAccessKey } from '../support/every-record';

let backend: TestBackend;
beforeEach(async () => {
  backend = await connectBackend();
});
afterEach(() => disconnect(backend));

const storedKeys = async () => {
  const result = await everyAccessKey(backend.api);
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
};

describe('Create Access Key', () => {
  it('starts with an empty state that explains access keys and offers to create one', async () => {
    await renderApp();
    expect(await screen.findByRole('heading', { name: 'No access keys yet' })).toBeTruthy();
    expect(screen.getByText(/APIKey and APISecret pair/)).toBeTruthy();
    // Toolbar and empty state both offer it.
    expect(screen.getAllByRole('button', { name: 'Create Access Key' })).toHaveLength(2);
  });

  it('rejects a bad name inline and writes nothing', async () => {
    const { user } = await renderApp();
    await user.click(screen.getAllByRole('button', { name: 'Create Access Key' })[0]!);
    const dialog = await screen.findByRole('dialog', { name: 'Create Access Key' });
    const name = within(dialog).getByRole('textbox', { name: /Name/ });
    expect(document.activeElement).toBe(name);

    await user.type(name, 'bad name!');
    await user.tab(); // blur checks the field
    expect(within(dialog).getByText('Name can contain only letters, digits, "-" and "_".')).toBeTruthy();
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(name.getAttribute('aria-describedby')).toContain(within(dialog).getByText(/only letters/).id);

    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(screen.getByRole('dialog', { name: 'Create Access Key' })).toBeTruthy();
    expect(await storedKeys()).toEqual([]);
  });

  it('creates a key on Enter and opens its details page with a toast', async () => {
    const { user } = await renderApp();
    await user.keyboard('{Control>}n{/Control}');
    const dialog = await screen.findByRole('dialog', { name: 'Create Access Key' });
    await user.type(within(dialog).getByRole('textbox', { name: /Description/ }), 'Billing service');
    expect(within(dialog).getByText('15 / 180')).toBeTruthy();
    await user.type(within(dialog).getByRole('textbox', { name: /Name/ }), 'billing-prod{Enter}');

    expect(await screen.findByRole('heading', { level: 1, name: 'billing-prod' })).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    await findToast('Access key created');
    const [stored] = await storedKeys();
    expect(stored).toMatchObject({ name: 'billing-prod', description: 'Billing service' });
    expect(screen.getByText(stored!.apiKey)).toBeTruthy();
  });

  it('shows "name taken" from main beside the name field', async () => {
    await backend.api.accessKeys.create({ name: 'alpha', description: '' });
    const { user } = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Create Access Key' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create Access Key' });
    await user.type(within(dialog).getByRole('textbox', { name: /Name/ }), 'ALPHA');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    expect(await within(dialog).findByText('This name is already used by another access key (names ignore case).')).toBeTruthy();
    const name = within(dialog).getByRole('textbox', { name: /Name/ });
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(name);
    expect(await storedKeys()).toHaveLength(1);

    // Fixed, the message goes as you type; the next submit creates the key.
    await user.clear(name);
    await user.type(name, 'beta');
    expect(within(dialog).queryByText(/already used by another access key/)).toBeNull();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'beta' })).toBeTruthy();
  });

  it('shows a keychain failure as an alert in the dialog', async () => {
    // Stands in for a missing Secret Service: a real KEYCHAIN_UNAVAILABLE needs a process
    // without a session bus (see the no-keychain project); here only this one call fails.
    const message = 'The OS keychain is not available (no D-Bus). Install libsecret and run a Secret Service, then try again.';
    window.api = withOverride(backend.api, 'accessKeys.create', async () => ({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE', message } }));
    const { user } = await renderApp();
    await user.click(screen.getAllByRole('button', { name: 'Create Access Key' })[0]!);
    const dialog = await screen.findByRole('dialog', { name: 'Create Access Key' });
    await user.type(within(dialog).getByRole('textbox', { name: /Name/ }), 'gamma{Enter}');

    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('The OS keychain is not available');
    expect(alert.textContent).toContain('Install libsecret');
    expect(within(dialog).getByRole('button', { name: 'Create' })).toHaveProperty('disabled', false);
    expect(await storedKeys()).toEqual([]);
  });

  it('closes on Escape without creating anything', async () => {
    const { user } = await renderApp();
    await user.click(screen.getAllByRole('button', { name: 'Create Access Key' })[0]!);
    await user.type(await screen.findByRole('textbox', { name: /Name/ }), 'never');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await storedKeys()).toEqual([]);
  });

  it('asks main for the list once per create: main\'s event refreshes it, the answer only patches it', async () => {
    let lists = 0;
    window.api = withOverride(backend.api, 'accessKeys.query', (input) => {
      lists += 1;
      return backend.api.accessKeys.query(input);
    });
    const { user } = await renderApp();
    lists = 0;

    await user.click(screen.getAllByRole('button', { name: 'Create Access Key' })[0]!);
    const dialog = await screen.findByRole('dialog', { name: 'Create Access Key' });
    await user.type(within(dialog).getByRole('textbox', { name: /Name/ }), 'billing-prod{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'billing-prod' })).toBeTruthy();
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    expect(lists).toBe(1);

    // Back on the list, the new key is there without asking again.
    await user.click(within(screen.getByRole('navigation', { name: 'Breadcrumb' })).getByRole('button', { name: 'Access Key' }));
    expect(await screen.findByRole('button', { name: 'billing-prod' })).toBeTruthy();
    expect(queryClient.isFetching()).toBe(0);
    expect(lists).toBe(1);
  });
});
