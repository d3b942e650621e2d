import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { channelTable, type GatekeyApi } from '../../electron/ipc/contract';
import { MAX_SEARCH_CHARS, MAX_WINDOW_ROWS } from '../../electron/shared/lists/window';
import type { TestBackend } from '../support/test-backend';
import type { Scale } from '../bench/scale-data';
import { connectBackend, disconnect, reconcileStatus } from './helpers';
import { scaledDataDir } from './scaled-store';
import { openSection, startApp, unwrap } from './provider-helpers';

// Lists of thousands of rows, queried from main a window at a time: the window holds only the
// pages in view (and one either side), and no answer carries more than one window's rows.
// jsdom has no layout: the lists assume an 800 px viewport, and scrolling sets scrollTop.

let backend: TestBackend | undefined;
afterEach(() => disconnect(backend));

/** Every answer main gave the window: the channel and the longest array anywhere in it. */
interface Reply {
  method: string;
  longest: number;
}

function longestArray(value: unknown, depth = 0): number {
  if (depth > 6 || value === null || typeof value !== 'object') return 0;
  const items = Array.isArray(value) ? value : Object.values(value);
  let longest = Array.isArray(value) ? value.length : 0;
  for (const item of items) longest = Math.max(longest, longestArray(item, depth + 1));
  return longest;
}

/** `api` with every answer noted in `replies`. */
function recording(api: GatekeyApi, replies: Reply[]): GatekeyApi {
  const wrapped: Record<string, unknown> = { ...api };
  for (const [namespace, names] of Object.entries(channelTable)) {
    const feature = api[namespace as keyof typeof channelTable] as unknown as Record<string, (input: unknown) => Promise<unknown>>;
    wrapped[namespace] = Object.fromEntries(
      names.map((name) => [
        name,
        async (input: unknown) => {
          const reply = await feature[name]!(input);
          replies.push({ method: `${namespace}.${name}`, longest: longestArray(reply) });
          return reply;
        },
      ]),
    );
  }
  return wrapped as unknown as GatekeyApi;
}

/** A store of `scale` (record n is n minutes after the first), with every answer main gives noted in `replies`. */
async function startWith(scale: Partial<Scale>, replies: Reply[]) {
  const { dataDir, data } = await scaledDataDir(scale);
  backend = await connectBackend({ dataDir });
  window.api = recording(backend.api, replies);
  return { data, ...(await startApp()) };
}

const table = () => screen.getByRole('table');
const rowAt = (ariaRowIndex: number) => table().querySelector<HTMLElement>(`tr[aria-rowindex="${ariaRowIndex}"]`);
const scrollBox = () => table().closest<HTMLElement>('.table-scroll')!;
function scrollTo(top: number) {
  scrollBox().scrollTop = top;
  fireEvent.scroll(scrollBox());
}

describe('a list of 5,000 authorizations, queried in windows', () => {
  it('scrolls and loads the pages in view; End reaches the last row and loads it; search narrows through main; no answer carries more than a window', async () => {
    const replies: Reply[] = [];
    const { user, data } = await startWith({ authorizations: 5_000, apiGroups: 5, bindings: 5_000 }, replies);
    await openSection(user, 'Access Authorization');
    await waitFor(() => expect(table().getAttribute('aria-rowcount')).toBe('5001'));
    expect(screen.getByText('5000 authorizations')).toBeTruthy();
    // Newest first: the last record leads.
    await waitFor(() => expect(rowAt(2)?.textContent).toContain(data.authorizations[4_999]!.callerKey));

    // Scrolled to the middle, the rows there arrive from main.
    scrollTo(2_500 * 48);
    await waitFor(() => expect(rowAt(2_502)?.textContent).toContain(data.authorizations[4_999 - 2_500]!.callerKey));
    expect(table().querySelectorAll('tbody tr[data-index]').length).toBeLessThan(80);

    // End moves focus to the last row, loads its page, and the row keeps focus when it fills in.
    scrollTo(0);
    await waitFor(() => expect(rowAt(2)?.getAttribute('aria-busy')).toBeNull());
    rowAt(2)!.focus();
    await user.keyboard('{End}');
    expect(Number(document.activeElement?.getAttribute('aria-rowindex'))).toBe(5_001);
    await waitFor(() => expect(document.activeElement?.textContent).toContain(data.authorizations[0]!.callerKey));
    expect(Number(document.activeElement?.getAttribute('aria-rowindex'))).toBe(5_001);

    // Main searches: one authorization's APIKey narrows the list to it.
    const wanted = data.authorizations[1_234]!.callerKey;
    await user.type(screen.getByRole('searchbox', { name: 'Search by Access Key' }), wanted.slice(-6).toLowerCase());
    expect(await screen.findByText('1 of 5000 authorizations')).toBeTruthy();
    await waitFor(() => expect(table().getAttribute('aria-rowcount')).toBe('2'));
    expect(rowAt(2)?.textContent).toContain(wanted);

    const lists = replies.filter((reply) => reply.method.endsWith('.query'));
    expect(lists.length).toBeGreaterThan(3);
    // No answer carried a collection: the largest array in any reply is at most one window.
    for (const reply of replies) expect(reply.longest, reply.method).toBeLessThanOrEqual(MAX_WINDOW_ROWS);
    expect(replies.map((reply) => reply.method)).not.toContain('authorizations.list');
  });

  it('shows a change made elsewhere in the rows in view, and reveals a row pointed to at its index far down', async () => {
    const replies: Reply[] = [];
    const { user, data } = await startWith({ authorizations: 5_000, apiGroups: 5, bindings: 0 }, replies);
    await openSection(user, 'Access Authorization');
    const third = data.authorizations[4_997]!;
    await waitFor(() => expect(rowAt(4)?.textContent).toContain(third.callerKey));

    // Another Gatekey (or the CLI) edits it: main's event asks for the page in view again.
    unwrap(await backend!.api.authorizations.update({ id: third.id, description: 'Edited elsewhere' }));
    await waitFor(() => expect(rowAt(4)?.textContent).toContain('Edited elsewhere'));

    // Creating an authorization again for an old key points to it: main says where it sits, the list scrolls there.
    const old = data.authorizations[10]!;
    await user.click(screen.getAllByRole('button', { name: 'Create Authorization' })[0]!);
    const dialog = screen.getByRole('dialog', { name: 'Create Authorization' });
    await user.paste(old.callerKey);
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await user.click(await within(dialog).findByRole('button', { name: 'Open the existing authorization' }));
    const index = 4_999 - 10;
    await waitFor(() => expect(rowAt(index + 2)?.textContent).toContain(old.callerKey));
    const row = rowAt(index + 2)!;
    expect(row.getAttribute('aria-current')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(row));
    for (const reply of replies) expect(reply.longest, reply.method).toBeLessThanOrEqual(MAX_WINDOW_ROWS);
  });
});

describe('a list of 3,000 access keys, queried in windows', () => {
  it('narrows by search and re-orders through main, keeping the previous rows until the answer', async () => {
    const replies: Reply[] = [];
    const { user } = await startWith({ accessKeys: 3_000 }, replies);
    expect(screen.getByText('3000 access keys')).toBeTruthy();
    expect(within(rowAt(2)!).getAllByRole('button')[0]!.textContent).toBe('caller-2999');

    await user.click(screen.getByRole('button', { name: 'Created' }));
    await waitFor(() => expect(within(rowAt(2)!).getAllByRole('button')[0]!.textContent).toBe('caller-0'));

    await user.type(screen.getByRole('searchbox', { name: 'Search access keys' }), 'caller-299');
    expect(await screen.findByText('11 of 3000 access keys')).toBeTruthy();
    await waitFor(() => expect(within(rowAt(12)!).getAllByRole('button')[0]!.textContent).toBe('caller-2999'));
    expect(within(rowAt(2)!).getAllByRole('button')[0]!.textContent).toBe('caller-299');
    // Every answer, the start-up reconcile's too (none of the 3,000 secrets is in the keychain): a window at most.
    await waitFor(() => expect(reconcileStatus()).toBe('done'));
    expect(replies.map((reply) => reply.method)).toContain('keychain.reconcile');
    for (const reply of replies) expect(reply.longest, reply.method).toBeLessThanOrEqual(MAX_WINDOW_ROWS);
  });
});

describe('a search longer than main takes', () => {
  it('is held to MAX_SEARCH_CHARS as typed, so the list says "No matching" and keeps its search box', async () => {
    const { user } = await startWith({ accessKeys: 3 }, []);
    const box = screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search access keys' });
    box.focus();
    await user.paste('x'.repeat(MAX_SEARCH_CHARS + 50));
    expect(box.value).toHaveLength(MAX_SEARCH_CHARS);
    expect(await screen.findByRole('heading', { name: 'No matching access keys' })).toBeTruthy();
    expect(screen.getByRole('searchbox', { name: 'Search access keys' })).toBe(box);
  });
});

describe('Health beside 600 keys whose secrets are all missing', () => {
  it('lists the first window of findings by name and says how many more there are', async () => {
    const replies: Reply[] = [];
    const { user } = await startWith({ accessKeys: 600 }, replies);
    await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'Health' }));
    const section = (await screen.findByRole('heading', { level: 2, name: 'Access keys whose APISecret is missing' })).closest('section')!;
    expect(within(section).getByRole('note').textContent).toBe('Showing the first 500 of 600 access keys whose APISecret is missing. Fix these, then choose Refresh to see the rest.');
    expect(within(section).getAllByRole('row')).toHaveLength(1 + MAX_WINDOW_ROWS);
    // Named by main, in one bounded request.
    await waitFor(() => expect(within(section).queryAllByText('Unknown')).toHaveLength(0));
    expect(within(section).getByText('caller-0')).toBeTruthy();
    for (const reply of replies) expect(reply.longest, reply.method).toBeLessThanOrEqual(MAX_WINDOW_ROWS);
  });
});

describe('the Test Call key picker over 150 keys', () => {
  it('offers the first keys by name and a search that asks main for the others; the chosen key stays offered', async () => {
    const replies: Reply[] = [];
    const { user } = await startWith({ accessKeys: 150 }, replies);
    await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'Test Call' }));
    await screen.findByRole('heading', { level: 1, name: 'Test Call' });
    const picker = () => screen.getByRole<HTMLSelectElement>('combobox', { name: 'Access key' });
    // Names only: none of these keys has its secret in the keychain, which each label also says.
    const nameOf = (option: HTMLOptionElement) => option.textContent!.replace(/ \(APISecret missing\)$/, '');
    const offered = () => [...picker().options].filter((o) => !o.disabled && o.value !== 'manual').map(nameOf);
    await waitFor(() => expect(offered()).toHaveLength(100));
    // By name, as a person sorts: caller-0, caller-1, caller-2, … caller-10 after caller-9.
    expect(offered().slice(0, 3)).toEqual(['caller-0', 'caller-1', 'caller-2']);
    expect(offered()).not.toContain('caller-149');
    expect(screen.getByText('The menu offers the first 100 of 150 matching keys, by name: type to narrow.')).toBeTruthy();

    const find = screen.getByRole<HTMLInputElement>('textbox', { name: 'Find access key' });
    await user.type(find, 'caller-149');
    await waitFor(() => expect(offered()).toEqual(['caller-149']));
    await user.selectOptions(picker(), (149).toString(16).padStart(12, '0'));
    await user.clear(find);
    await waitFor(() => expect(offered()).toHaveLength(101));
    expect(offered()[0]).toBe('caller-149');
    expect(nameOf(picker().selectedOptions[0]!)).toBe('caller-149');
    // A paste longer than main takes is cut as typed: the menu offers no match, and the screen stays.
    find.focus();
    await user.paste('y'.repeat(MAX_SEARCH_CHARS + 50));
    expect(find.value).toHaveLength(MAX_SEARCH_CHARS);
    await waitFor(() => expect(offered()).toEqual(['caller-149']));
    expect(screen.getByRole('textbox', { name: 'Find access key' })).toBe(find);
    for (const reply of replies) expect(reply.longest, reply.method).toBeLessThanOrEqual(MAX_WINDOW_ROWS);
  });
});
