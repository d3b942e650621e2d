import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBackend } from '../support/test-backend';
import { connectBackend, disconnect, findToast } from './helpers';
import { openSection, rowWith, seedAuthorization, seedGroup, unwrap, startApp } from './provider-helpers';
import { everyAuthorization } from '../support/every-record';

let backend: TestBackend;
beforeEach(async () => {
  backend = await connectBackend();
});
afterEach(() => disconnect(backend));

async function openApiGroups() {
  const view = await startApp();
  await openSection(view.user, 'API Groups');
  return view;
}

describe('API Groups', () => {
  it('starts empty and creates a group, checking fields inline first', async () => {
    const { user } = await openApiGroups();
    expect(await screen.findByRole('heading', { name: 'No API groups yet' })).toBeTruthy();

    await user.click(screen.getAllByRole('button', { name: 'Create API Group' })[0]!);
    const dialog = screen.getByRole('dialog', { name: 'Create API Group' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Host' }), 'https://orders.example.com/v1');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(within(dialog).getByText('Name is required.')).toBeTruthy();
    expect(within(dialog).getByText(/Host is a domain name/)).toBeTruthy();
    expect(within(dialog).getByText('Environment is test, preview or online.')).toBeTruthy();
    expect(document.activeElement).toBe(within(dialog).getByRole('textbox', { name: 'Name' }));
    expect(unwrap(await backend.api.apiGroups.list({}))).toEqual([]);

    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Orders');
    await user.type(within(dialog).getByRole('textbox', { name: 'Description' }), 'Order APIs');
    await user.type(within(dialog).getByRole('textbox', { name: 'Region' }), 'cn-north-1');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Environment' }), 'preview');
    const host = within(dialog).getByRole('textbox', { name: 'Host' });
    await user.clear(host);
    await user.type(host, 'xv3xbwah945y.cn-north-1.jdcloud-api.net');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    await findToast('API group "Orders" created');
    expect(screen.queryByRole('dialog')).toBeNull();
    const row = rowWith('Orders');
    expect(within(row).getByText('xv3xbwah945y.cn-north-1.jdcloud-api.net')).toBeTruthy();
    expect(within(row).getByText('preview')).toBeTruthy();
    expect(unwrap(await backend.api.apiGroups.list({}))).toMatchObject([{ name: 'Orders', region: 'cn-north-1', environment: 'preview' }]);
  });

  it('shows a duplicate name (same region and environment) beside the Name field', async () => {
    await seedGroup(backend, { name: 'Orders' });
    const { user } = await openApiGroups();
    await user.click(screen.getByRole('button', { name: 'Create API Group' }));
    const dialog = screen.getByRole('dialog', { name: 'Create API Group' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Orders');
    await user.type(within(dialog).getByRole('textbox', { name: 'Region' }), 'cn-north-1');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Environment' }), 'online');
    await user.type(within(dialog).getByRole('textbox', { name: 'Host' }), 'other.cn-north-1.jdcloud-api.net');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    const name = within(dialog).getByRole('textbox', { name: 'Name' });
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(within(dialog).getByText(/already used by another API group/)).toBeTruthy();
    expect(unwrap(await backend.api.apiGroups.list({}))).toHaveLength(1);
  });

  it('edits a group', async () => {
    const group = await seedGroup(backend, { name: 'Orders', description: 'old' });
    const { user } = await openApiGroups();
    await user.click(within(rowWith('Orders')).getByRole('button', { name: 'Edit' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit API Group' });
    const description = within(dialog).getByRole('textbox', { name: 'Description' });
    expect((description as HTMLInputElement).value).toBe('old');
    await user.clear(description);
    await user.type(description, 'Orders and refunds');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await findToast('API group "Orders" saved');
    expect(within(rowWith('Orders')).getByText('Orders and refunds')).toBeTruthy();
    expect(unwrap(await backend.api.apiGroups.list({}))).toMatchObject([{ id: group.id, description: 'Orders and refunds' }]);
  });

  it('says how many authorizations lose a group before deleting it', async () => {
    const group = await seedGroup(backend, { name: 'Orders' });
    for (const key of ['aaaaaaaaaaa1', 'bbbbbbbbbbb2']) {
      const authorization = await seedAuthorization(backend, key);
      unwrap(await backend.api.authorizations.setBindings({ id: authorization.id, groupIds: [group.id] }));
    }
    const { user } = await openApiGroups();
    const row = rowWith('Orders');
    expect(within(row).getByText('2')).toBeTruthy();

    await user.click(within(row).getByRole('button', { name: 'Delete' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Delete API Group' });
    expect(within(confirm).getByText(/2 authorizations lose access to this group/)).toBeTruthy();
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(unwrap(await backend.api.apiGroups.list({}))).toHaveLength(1);

    await user.click(within(rowWith('Orders')).getByRole('button', { name: 'Delete' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    await findToast('API group "Orders" deleted');
    expect(await screen.findByRole('heading', { name: 'No API groups yet' })).toBeTruthy();
    const authorizations = unwrap(await everyAuthorization(backend.api));
    expect(authorizations.map((a) => a.boundGroups)).toEqual([[], []]);
    // The other page's store was refreshed too.
    await openSection(user, 'Access Authorization');
    expect(screen.getAllByText('None')).toHaveLength(2);
  });

  it('renders names with markup, emoji and right-to-left text as plain text', async () => {
    const names = ['<b>x</b> 🚀 orders', 'مجموعة الطلبات'];
    for (const name of names) await seedGroup(backend, { name });
    const { user } = await openApiGroups();
    for (const name of names) {
      const cell = screen.getByText(name);
      expect(cell.getAttribute('dir')).toBe('auto');
    }
    expect(document.querySelector('main b')).toBeNull();

    const search = screen.getByRole('searchbox', { name: 'Search API groups' });
    await user.click(search);
    await user.paste('🚀');
    expect(screen.getAllByRole('row')).toHaveLength(2);
    await user.clear(search);
    await user.type(search, 'svc-none');
    expect(screen.getByRole('heading', { name: 'No matching API groups' })).toBeTruthy();
  });

  it('finds groups by ID and host', async () => {
    const group = await seedGroup(backend, { name: 'Orders', host: 'ordershost.cn-north-1.jdcloud-api.net' });
    await seedGroup(backend, { name: 'Billing' });
    const { user } = await openApiGroups();
    const search = screen.getByRole('searchbox', { name: 'Search API groups' });
    await user.type(search, group.id);
    expect(screen.getByText('1 of 2 API groups')).toBeTruthy();
    await user.clear(search);
    await user.type(search, 'ORDERSHOST');
    expect(rowWith('Orders')).toBeTruthy();
    expect(screen.getAllByRole('row')).toHaveLength(2);
  });
});
