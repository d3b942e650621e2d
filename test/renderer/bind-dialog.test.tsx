import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuthorizationSummary } from '../../electron/shared/authorizations/types';
import type { TestBackend } from '../support/test-backend';
import { connectBackend, disconnect, findToast, withOverride } from './helpers';
import { openSection, rowWith, seedAuthorization, seedGroup, unwrap, startApp } from './provider-helpers';
import { everyAuthorization } from '../support/every-record';

let backend: TestBackend;
let authorization: AuthorizationSummary;
const groupIds: Record<string, string> = {};

beforeEach(async () => {
  backend = await connectBackend();
  for (const name of ['Orders', 'Billing', 'Reports', 'Search']) groupIds[name] = (await seedGroup(backend, { name })).id;
  authorization = await seedAuthorization(backend, 'abcdef123456', 'partner');
  unwrap(await backend.api.authorizations.setBindings({ id: authorization.id, groupIds: [groupIds.Reports!] }));
});
afterEach(() => disconnect(backend));

async function openBind() {
  const view = await startApp();
  await openSection(view.user, 'Access Authorization');
  await view.user.click(within(rowWith('abcdef123456')).getByRole('button', { name: 'Bind' }));
  const dialog = screen.getByRole('dialog', { name: 'Bind API Groups' });
  const available = within(dialog).getByRole('listbox', { name: 'Available groups' });
  const bound = within(dialog).getByRole('listbox', { name: 'Bound groups' });
  await waitFor(() => expect(within(available).getAllByRole('option')).toHaveLength(3));
  return { ...view, dialog, available, bound };
}

const names = (listbox: HTMLElement) => within(listbox).queryAllByRole('option').map((o) => o.querySelector('[dir]')!.textContent);
const boundNow = async () =>
  unwrap(await everyAuthorization(backend.api))
    .find((a) => a.id === authorization.id)!
    .boundGroups.map((g) => g.name)
    .sort();

describe('Bind API Groups', () => {
  it('shows the Access Key, both panes, and binding times', async () => {
    const { dialog, available, bound } = await openBind();
    expect(within(dialog).getByText('abcdef123456')).toBeTruthy();
    expect(available.getAttribute('aria-multiselectable')).toBe('true');
    expect(names(available)).toEqual(['Billing', 'Orders', 'Search']);
    expect(names(bound)).toEqual(['Reports']);
    expect(within(bound).getByRole('option', { name: 'Reports' }).textContent).toMatch(/bound /);
    expect((within(dialog).getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('searches each pane on its own', async () => {
    const { user, dialog, available, bound } = await openBind();
    // Long enough that no random 12-character group ID can contain it too.
    await user.type(within(dialog).getByRole('searchbox', { name: 'Search available groups' }), 'rders');
    await waitFor(() => expect(names(available)).toEqual(['Orders']));
    await waitFor(() => expect(names(bound)).toEqual(['Reports']));
    await user.type(within(dialog).getByRole('searchbox', { name: 'Search bound groups' }), 'zzz');
    await waitFor(() => expect(names(bound)).toEqual([]));
    expect(await within(dialog).findByText('No group name or ID contains “zzz”.')).toBeTruthy();
    const search = within(dialog).getByRole('searchbox', { name: 'Search available groups' });
    await user.clear(search);
    await user.type(search, groupIds.Search!);
    await waitFor(() => expect(names(available)).toEqual(['Search']));
  });

  it('multi-selects with click, Ctrl-click, Shift-click and keys, moves both ways, and saves the full set', async () => {
    const { user, dialog, available, bound } = await openBind();
    const bind = within(dialog).getByRole('button', { name: 'Bind selected' });
    const unbind = within(dialog).getByRole('button', { name: 'Unbind selected' });
    expect((bind as HTMLButtonElement).disabled).toBe(true);

    // Click the first, Shift-click the third: a range of three.
    await user.click(within(available).getByRole('option', { name: 'Billing' }));
    await user.keyboard('{Shift>}');
    await user.click(within(available).getByRole('option', { name: 'Search' }));
    await user.keyboard('{/Shift}');
    expect(within(available).getAllByRole('option', { selected: true })).toHaveLength(3);
    // Ctrl-click takes one back out.
    await user.keyboard('{Control>}');
    await user.click(within(available).getByRole('option', { name: 'Orders' }));
    await user.keyboard('{/Control}');
    expect(within(available).getAllByRole('option', { selected: true }).map((o) => o.textContent)).toEqual([
      expect.stringContaining('Billing'),
      expect.stringContaining('Search'),
    ]);

    await user.click(bind);
    expect(names(available)).toEqual(['Orders']);
    expect(names(bound)).toEqual(['Billing', 'Reports', 'Search']);
    expect(within(bound).getByRole('option', { name: 'Billing' }).textContent).toMatch(/not saved yet/);

    // Keyboard: focus the Bound list, Space selects the first, Shift+ArrowDown extends, then unbind.
    bound.focus();
    await user.keyboard(' ');
    await user.keyboard('{Shift>}{ArrowDown}{/Shift}');
    expect(within(bound).getAllByRole('option', { selected: true })).toHaveLength(2);
    await user.click(unbind);
    expect(names(bound)).toEqual(['Search']);
    expect(names(available)).toEqual(['Billing', 'Orders', 'Reports']);

    // Home, arrow keys and Enter in the Available list.
    available.focus();
    await user.keyboard('{Home}{ArrowDown}{Enter}');
    expect(within(available).getByRole('option', { name: 'Orders' }).getAttribute('aria-selected')).toBe('true');
    await user.click(bind);
    expect(names(bound)).toEqual(['Orders', 'Search']);

    expect(await boundNow()).toEqual(['Reports']);
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await findToast('Bindings saved for abcdef123456');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await boundNow()).toEqual(['Orders', 'Search']);
    expect(within(rowWith('abcdef123456')).getByText('2 groups')).toBeTruthy();
  });

  it('Cancel and Esc discard the moves', async () => {
    const { user, dialog, available } = await openBind();
    await user.dblClick(within(available).getByRole('option', { name: 'Orders' }));
    expect((within(dialog).getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await boundNow()).toEqual(['Reports']);

    await user.click(within(rowWith('abcdef123456')).getByRole('button', { name: 'Bind' }));
    const again = screen.getByRole('dialog', { name: 'Bind API Groups' });
    expect(names(within(again).getByRole('listbox', { name: 'Bound groups' }))).toEqual(['Reports']);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('drops a group deleted elsewhere from the panes while open, and saves the rest', async () => {
    const { user, dialog, available, bound } = await openBind();
    await user.click(within(available).getByRole('option', { name: 'Orders' }));
    await user.click(within(available).getByRole('option', { name: 'Billing' }));
    await user.click(within(dialog).getByRole('button', { name: 'Bind selected' }));
    expect(names(bound)).toEqual(['Billing', 'Orders', 'Reports']);

    // Another window deletes it: main's event alone takes it out of the open dialog.
    unwrap(await backend.api.apiGroups.delete({ id: groupIds.Orders! }));
    await waitFor(() => expect(names(bound)).toEqual(['Billing', 'Reports']));
    expect(names(available)).toEqual(['Search']);
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await findToast('Bindings saved for abcdef123456');
    expect(await boundNow()).toEqual(['Billing', 'Reports']);
  });

  it('reports a group deleted just before the save arrives, writes nothing, and refreshes the lists', async () => {
    const { user, dialog, available, bound } = await openBind();
    await user.click(within(available).getByRole('option', { name: 'Orders' }));
    await user.click(within(available).getByRole('option', { name: 'Billing' }));
    await user.click(within(dialog).getByRole('button', { name: 'Bind selected' }));
    // The deletion reaches main between the click and the save: no event can warn the dialog first.
    window.api = withOverride(backend.api, 'authorizations.setBindings', async (input) => {
      window.api = backend.api;
      unwrap(await backend.api.apiGroups.delete({ id: groupIds.Orders! }));
      return backend.api.authorizations.setBindings(input);
    });

    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toMatch(/no longer exists/);
    expect(await boundNow()).toEqual(['Reports']);
    // The deleted group left the panes; the remaining move can be saved.
    await waitFor(() => expect(names(bound)).toEqual(['Billing', 'Reports']));
    expect(names(available)).toEqual(['Search']);
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await findToast('Bindings saved for abcdef123456');
    expect(await boundNow()).toEqual(['Billing', 'Reports']);
  });

  it('says when the authorization was deleted elsewhere, and offers only Cancel', async () => {
    const { user, dialog, available } = await openBind();
    await user.click(within(available).getByRole('option', { name: 'Orders' }));
    await user.click(within(dialog).getByRole('button', { name: 'Bind selected' }));
    unwrap(await backend.api.authorizations.delete({ id: authorization.id }));
    // Without a click: main's event tells the dialog, which keeps its last copy so the user sees what went.
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(/no longer exists.*deleted meanwhile/);
    expect(within(dialog).getByText('abcdef123456')).toBeTruthy();
    expect((within(dialog).getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('heading', { name: 'No authorizations yet' })).toBeTruthy();
  });

  it('reports an authorization deleted just before the save arrives', async () => {
    const { user, dialog, available } = await openBind();
    await user.click(within(available).getByRole('option', { name: 'Orders' }));
    await user.click(within(dialog).getByRole('button', { name: 'Bind selected' }));
    window.api = withOverride(backend.api, 'authorizations.setBindings', async (input) => {
      window.api = backend.api;
      unwrap(await backend.api.authorizations.delete({ id: authorization.id }));
      return backend.api.authorizations.setBindings(input);
    });
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(/no longer exists/);
    await waitFor(() => expect((within(dialog).getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true));
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('heading', { name: 'No authorizations yet' })).toBeTruthy();
  });
});
