import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildKeyFile, handoffText } from '../../electron/core/key-files/format';
import { useAppStore } from '../../renderer/src/store';
import type { TestBackend } from '../support/test-backend';
import { connectBackend, disconnect, findToast, record, withOverride } from './helpers';
import { openSection, rowWith, seedAuthorization, seedGroup, unwrap, startApp } from './provider-helpers';
import { everyAuthorization } from '../support/every-record';

let backend: TestBackend;
beforeEach(async () => {
  backend = await connectBackend();
});
afterEach(() => disconnect(backend));

async function openCreate() {
  const view = await startApp();
  await openSection(view.user, 'Access Authorization');
  await view.user.click(screen.getAllByRole('button', { name: 'Create Authorization' })[0]!);
  const dialog = screen.getByRole('dialog', { name: 'Create Authorization' });
  const field = within(dialog).getByRole('textbox', { name: 'Access Key ID or APIKey' });
  return { ...view, dialog, field };
}

const authorizations = async () => unwrap(await everyAuthorization(backend.api));

describe('Create Authorization', () => {
  it('accepts an identifier pasted with spaces and line breaks around it', async () => {
    const { user, dialog, field } = await openCreate();
    expect((within(dialog).getByRole('textbox', { name: 'Authorization type' }) as HTMLInputElement).value).toBe('API caller');
    expect(within(dialog).getByText(/12 hex characters \(Access Key ID\) or 32 hex characters \(APIKey\)/)).toBeTruthy();
    expect(document.activeElement).toBe(field);
    await user.paste('  \n A1B2C3D4E5F60718293A4B5C6D7E8F90 \r\n');
    await user.type(within(dialog).getByRole('textbox', { name: 'Description' }), 'Partner ACME');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    await findToast('Authorization created for A1B2C3D4E5F60718293A4B5C6D7E8F90');
    expect(screen.queryByRole('dialog')).toBeNull();
    const row = rowWith('A1B2C3D4E5F60718293A4B5C6D7E8F90');
    expect(row.getAttribute('aria-current')).toBe('true');
    expect(within(row).getByText('API caller')).toBeTruthy();
    expect(within(row).getByText('Partner ACME')).toBeTruthy();
    expect(await authorizations()).toMatchObject([{ callerKey: 'A1B2C3D4E5F60718293A4B5C6D7E8F90', callerKeyKind: 'apiKey' }]);

    // The toast offers to bind right away.
    await user.click(screen.getByRole('button', { name: 'Bind API groups' }));
    expect(screen.getByRole('dialog', { name: 'Bind API Groups' })).toBeTruthy();
  });

  it('refuses a space inside the identifier, writing nothing', async () => {
    const { user, dialog, field } = await openCreate();
    await user.paste('abcdef 123456');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(within(dialog).getByText('The identifier contains spaces or line breaks inside it; copy it again.')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field);
    expect(await authorizations()).toEqual([]);

    // Fixing it clears the message as you type.
    await user.clear(field);
    await user.type(field, 'abcdef123456');
    expect(within(dialog).queryByText(/copy it again/)).toBeNull();
  });

  it('refuses a line break inside the identifier', async () => {
    const { user, dialog } = await openCreate();
    await user.paste('abcdef\n123456');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(within(dialog).getByText('The identifier contains spaces or line breaks inside it; copy it again.')).toBeTruthy();
    expect(await authorizations()).toEqual([]);
  });

  it('refuses a direction-changing character', async () => {
    const { user, dialog } = await openCreate();
    await user.paste('abcdef\u202E123456');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(within(dialog).getByText('The identifier contains invisible control or direction-changing characters; copy it again.')).toBeTruthy();
    expect(await authorizations()).toEqual([]);
  });

  it('sends once while pending, and neither Enter nor Escape interrupts it', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    window.api = withOverride(backend.api, 'authorizations.create', async (input) => {
      calls += 1;
      await held;
      return backend.api.authorizations.create(input);
    });
    const { user, dialog, field } = await openCreate();
    await user.paste('abcdef123456');
    // Enter in the paste box submits through requestSubmit(), which a disabled button does not stop.
    await user.keyboard('{Enter}');
    const pending = await within(dialog).findByRole('button', { name: 'Creating…' });
    expect(pending).toHaveProperty('disabled', true);
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveProperty('disabled', true);
    field.focus();
    await user.keyboard('{Enter}');
    await user.keyboard('{Escape}');
    expect(screen.getByRole('dialog', { name: 'Create Authorization' })).toBe(dialog);

    release();
    await findToast('Authorization created for abcdef123456');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls).toBe(1);
    expect(await authorizations()).toHaveLength(1);
  });

  it('points to the existing authorization when the key is already authorized', async () => {
    const existing = await seedAuthorization(backend, 'abcdef123456', 'first');
    await seedAuthorization(backend, 'ffffffffffff', 'other');
    const { user, dialog, field } = await openCreate();
    await user.paste('ABCDEF123456');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    const open = await within(dialog).findByRole('button', { name: 'Open the existing authorization' });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(await authorizations()).toHaveLength(2);

    await user.click(open);
    expect(screen.queryByRole('dialog')).toBeNull();
    const row = rowWith('abcdef123456');
    expect(row.getAttribute('aria-current')).toBe('true');
    expect(within(row).getByText('first')).toBeTruthy();
    expect(existing.callerKey).toBe('abcdef123456');
  });

  it('points to the authorization a key file created when its Access Key ID is typed later', async () => {
    const file = buildKeyFile(record({ id: 'abcdef123456', name: 'payments' }), new Date('2025-03-01T10:00:00Z'));
    const imported = unwrap(await backend.api.keyFiles.import({ candidates: [{ source: 'payments.gatekey.json', kind: 'handoff', text: handoffText(file) }] }));
    const { user, dialog, field } = await openCreate();
    await user.paste('ABCDEF123456');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    const open = await within(dialog).findByRole('button', { name: 'Open the existing authorization' });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(await authorizations()).toHaveLength(1);
    await user.click(open);
    expect(useAppStore.getState().highlightedAuthorizationId).toBe(imported.created[0]!.authorizationId);
    expect(rowWith(file.apiKey).getAttribute('aria-current')).toBe('true');
  });
});

describe('Access Authorization list', () => {
  it('lists, searches, shows bound group names and the local key name', async () => {
    const key = unwrap(await backend.api.accessKeys.create({ name: 'my-local-key', description: '' }));
    const orders = await seedGroup(backend, { name: 'Orders' });
    const billing = await seedGroup(backend, { name: 'Billing' });
    const mine = await seedAuthorization(backend, key.id, 'ours');
    unwrap(await backend.api.authorizations.setBindings({ id: mine.id, groupIds: [orders.id, billing.id] }));
    await seedAuthorization(backend, '0123456789abcdef0123456789abcdef', 'partner');

    const { user } = await startApp();
    await openSection(user, 'Access Authorization');
    const row = rowWith(key.id);
    expect(within(row).getByText('my-local-key')).toBeTruthy();
    expect(within(row).getByText(/Your key:/)).toBeTruthy();
    const summary = within(row).getByText('2 groups');
    expect(summary.getAttribute('title')?.split(', ').sort()).toEqual(['Billing', 'Orders']);
    await user.click(summary);
    expect(summary.closest('details')!.open).toBe(true);
    expect(within(row).getAllByRole('listitem').map((li) => li.textContent).sort()).toEqual(['Billing', 'Orders']);

    const search = screen.getByRole('searchbox', { name: 'Search by Access Key' });
    await user.type(search, '0123456789ABCDEF');
    expect(screen.getByText('1 of 2 authorizations')).toBeTruthy();
    expect(screen.queryByText('my-local-key')).toBeNull();
  });

  it('edits only the description', async () => {
    await seedAuthorization(backend, 'abcdef123456', 'before');
    const { user } = await startApp();
    await openSection(user, 'Access Authorization');
    await user.click(within(rowWith('abcdef123456')).getByRole('button', { name: 'Edit' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit Authorization' });
    expect(within(dialog).getAllByRole('textbox')).toHaveLength(1);
    const description = within(dialog).getByRole('textbox', { name: 'Description' });
    await user.clear(description);
    await user.type(description, 'after{Enter}');
    await findToast('Authorization saved');
    expect(within(rowWith('abcdef123456')).getByText('after')).toBeTruthy();
    expect(await authorizations()).toMatchObject([{ description: 'after' }]);
  });

  it('deletes after naming the Access Key and its bindings', async () => {
    const group = await seedGroup(backend, { name: 'Orders' });
    const authorization = await seedAuthorization(backend, 'abcdef123456');
    unwrap(await backend.api.authorizations.setBindings({ id: authorization.id, groupIds: [group.id] }));
    const { user } = await startApp();
    await openSection(user, 'Access Authorization');
    await user.click(within(rowWith('abcdef123456')).getByRole('button', { name: 'Delete' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Delete Authorization' });
    expect(within(confirm).getByText('abcdef123456')).toBeTruthy();
    expect(within(confirm).getByText(/binding to 1 API group is removed/)).toBeTruthy();
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));
    await findToast('Authorization for abcdef123456 deleted');
    await waitFor(() => expect(screen.getByRole('heading', { name: 'No authorizations yet' })).toBeTruthy());
    expect(await authorizations()).toEqual([]);
    expect(unwrap(await backend.api.apiGroups.list({}))).toMatchObject([{ bindingCount: 0 }]);
  });
});
