import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccessKeySummary } from '../../electron/shared/access-keys/types';
import type { TestBackend } from '../support/test-backend';
import { connectBackend, disconnect } from './helpers';
import { seedAuthorization, seedGroup, unwrap, startApp } from './provider-helpers';

let backend: TestBackend;
let key: AccessKeySummary;

beforeEach(async () => {
  backend = await connectBackend();
  key = unwrap(await backend.api.accessKeys.create({ name: 'payments', description: '' }));
});
afterEach(() => disconnect(backend));

async function openDetails() {
  const view = await startApp();
  await view.user.click(screen.getByRole('button', { name: 'payments' }));
  await screen.findByRole('heading', { level: 1, name: 'payments' });
  return screen.getByRole('region', { name: 'Authorized API groups' });
}

describe('Authorized API groups on a key’s details', () => {
  it('says when no group is authorized yet', async () => {
    const section = await openDetails();
    expect(
      await within(section).findByText('No API group is authorized for this key yet. A provider authorizes it on the Access Authorization page.'),
    ).toBeTruthy();
  });

  it('lists the groups its authorization is bound to', async () => {
    const orders = await seedGroup(backend, { name: 'Orders', region: 'cn-east-2', environment: 'preview' });
    const billing = await seedGroup(backend, { name: 'Billing' });
    const unrelated = await seedGroup(backend, { name: 'Unrelated' });
    // Authorized by its APIKey, as a caller may hand that over instead of the ID.
    const mine = await seedAuthorization(backend, key.apiKey);
    unwrap(await backend.api.authorizations.setBindings({ id: mine.id, groupIds: [orders.id, billing.id] }));
    const other = await seedAuthorization(backend, 'abcdefabcdef');
    unwrap(await backend.api.authorizations.setBindings({ id: other.id, groupIds: [unrelated.id] }));

    const section = await openDetails();
    const ordersRow = (await within(section).findByText('Orders')).closest('tr')!;
    expect(within(ordersRow).getByText('cn-east-2')).toBeTruthy();
    expect(within(ordersRow).getByText('preview')).toBeTruthy();
    expect(ordersRow.querySelector('time')).not.toBeNull();
    expect(within(section).getByText('Billing')).toBeTruthy();
    expect(within(section).queryByText('Unrelated')).toBeNull();
  });
});
