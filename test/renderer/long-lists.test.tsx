import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestBackend } from '../support/test-backend';
import { storeOfScale, type Scale } from '../bench/scale-data';
import { connectBackend, disconnect } from './helpers';
import { scaledDataDir } from './scaled-store';
import { openSection, startApp } from './provider-helpers';

// Lists far longer than a screen: only the rows in view (and a few either side) are in the DOM.
// jsdom has no layout, so the lists assume an 800 px viewport (280 px for a Bind pane).
let backend: TestBackend | undefined;
afterEach(() => disconnect(backend));

async function startWith(scale: Partial<Scale>) {
  const { dataDir } = await scaledDataDir(scale);
  backend = await connectBackend({ dataDir });
  return startApp();
}

const dataRows = () => screen.getAllByRole('row').slice(1);
const rowIndex = (element: Element | null) => Number(element?.closest('tr')?.getAttribute('aria-rowindex'));

describe('long lists', () => {
  it('renders a window of 500 access keys, moves the focused row with the keyboard and opens it with Enter', async () => {
    const { user } = await startWith({ accessKeys: 500 });
    const table = screen.getByRole('table');
    expect(table.getAttribute('aria-rowcount')).toBe('501');
    expect(dataRows().length).toBeLessThan(60);
    expect(dataRows()[0]!.getAttribute('aria-rowindex')).toBe('2');
    expect(within(dataRows()[0]!).getByRole('button', { name: 'caller-499' })).toBeTruthy();
    expect(screen.getByText('500 access keys')).toBeTruthy();

    // One row is in the Tab order; arrows, End and Home move focus between rows.
    const first = dataRows()[0]!;
    expect(first.getAttribute('tabindex')).toBe('0');
    first.focus();
    await user.keyboard('{ArrowDown}');
    expect(rowIndex(document.activeElement)).toBe(3);
    await user.keyboard('{End}');
    expect(rowIndex(document.activeElement)).toBe(501);
    expect(document.activeElement!.textContent).toContain('caller-0');
    expect(dataRows().length).toBeLessThan(80);
    await user.keyboard('{Home}{ArrowDown}{ArrowDown}{ArrowUp}');
    expect(rowIndex(document.activeElement)).toBe(3);
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'caller-498' })).toBeTruthy();
  });

  it('searches 500 keys as you type', async () => {
    const { user } = await startWith({ accessKeys: 500 });
    await user.type(screen.getByRole('searchbox', { name: 'Search access keys' }), 'CALLER-12');
    // Main searches: the count and rows follow its answer.
    expect(await screen.findByText('11 of 500 access keys')).toBeTruthy();
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe('12');
    expect(dataRows().map((row) => within(row).getAllByRole('button')[0]!.textContent)).toEqual([
      'caller-129', 'caller-128', 'caller-127', 'caller-126', 'caller-125', 'caller-124', 'caller-123', 'caller-122', 'caller-121', 'caller-120', 'caller-12',
    ]);
  });

  it('scrolls to and focuses an authorization far down a list of 1,000 when it is pointed to; Enter opens Edit', async () => {
    const { user } = await startWith({ authorizations: 1_000, apiGroups: 10, bindings: 1_000 });
    await openSection(user, 'Access Authorization');
    await waitFor(() => expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe('1001'));
    expect(dataRows().length).toBeLessThan(60);
    // The oldest authorization sits last; creating it again points to it.
    const oldest = storeOfScale({ label: 'test', accessKeys: 0, authorizations: 1, apiGroups: 1, bindings: 0 }).authorizations[0]!.callerKey;
    expect(screen.queryByText(oldest)).toBeNull();
    await user.click(screen.getAllByRole('button', { name: 'Create Authorization' })[0]!);
    const dialog = screen.getByRole('dialog', { name: 'Create Authorization' });
    await user.paste(oldest);
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await user.click(await within(dialog).findByRole('button', { name: 'Open the existing authorization' }));
    // Main says where it sits; its page arrives, and the row is marked and focused.
    const row = (await within(screen.getByRole('table')).findByText(oldest)).closest('tr')!;
    expect(row.getAttribute('aria-current')).toBe('true');
    expect(row.getAttribute('aria-rowindex')).toBe('1001');
    await waitFor(() => expect(document.activeElement).toBe(row));
    // Enter on a focused authorization opens Edit.
    await user.keyboard('{ArrowUp}{Enter}');
    const edit = screen.getByRole('dialog', { name: 'Edit Authorization' });
    expect(within(edit).getByText(storeOfScale({ label: 'test', accessKeys: 0, authorizations: 2, apiGroups: 1, bindings: 0 }).authorizations[1]!.callerKey)).toBeTruthy();
  });

  it('keeps the active option of a Bind pane of 300 groups rendered for aria-activedescendant', async () => {
    const { user } = await startWith({ authorizations: 1, apiGroups: 300 });
    await openSection(user, 'Access Authorization');
    await user.click(screen.getByRole('button', { name: 'Bind' }));
    const available = within(screen.getByRole('dialog', { name: 'Bind API Groups' })).getByRole('listbox', { name: 'Available groups' });
    await waitFor(() => expect(within(available).getAllByRole('option')[0]!.getAttribute('aria-setsize')).toBe('300'));
    expect(within(available).getAllByRole('option').length).toBeLessThan(40);
    available.focus();
    await user.keyboard('{End}');
    const active = document.getElementById(available.getAttribute('aria-activedescendant')!);
    expect(active?.getAttribute('aria-posinset')).toBe('300');
    await user.keyboard(' ');
    expect(active?.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByText('1 selected · 300')).toBeTruthy();
  });
});
