import { describe, expect, it, vi } from 'vitest';
import { createOrderedList } from '../../../../electron/core/lists/ordered-list';
import { byCreation, byName, reverseOf } from '../../../../electron/core/lists/orders';

interface Item {
  id: string;
  name: string;
  createdAt: string;
}

/** Item n is created n minutes after the first; names count down so name order differs from creation order. */
const items = (count: number): Item[] =>
  Array.from({ length: count }, (_, n) => ({
    id: `id${String(n).padStart(5, '0')}`,
    name: `item-${String(count - n).padStart(5, '0')}`,
    createdAt: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
  }));

function listOf(searchFields = (item: Item) => [item.name, item.id]) {
  const fields = vi.fn(searchFields);
  const list = createOrderedList<Item, 'oldest' | 'newest' | 'name'>({
    orders: { oldest: byCreation, newest: reverseOf('oldest'), name: byName },
    searchFields: fields,
  });
  return { list, fields };
}

const ids = (rows: Item[]) => rows.map((row) => row.id);
/** Rows as they are: these tests look at which records a window holds. */
const same = (records: readonly Item[]) => [...records];

describe('a list answered in windows', () => {
  const records = items(250);
  const { list } = listOf();
  const window = (offset: number, limit: number, order: 'oldest' | 'newest' | 'name' = 'newest', search = '') =>
    list.window({ records }, { order, search, offset, limit }, same);

  it('answers the first, a middle and the last window, and an empty one past the end', () => {
    expect(window(0, 100)).toMatchObject({ total: 250, matching: 250, offset: 0 });
    expect(ids(window(0, 100).rows)).toEqual(ids(records.slice(150).reverse()));
    expect(ids(window(100, 100).rows)).toEqual(ids(records.slice(50, 150).reverse()));
    const last = window(200, 100);
    expect(ids(last.rows)).toEqual(ids(records.slice(0, 50).reverse()));
    expect(last).toMatchObject({ total: 250, matching: 250, offset: 200 });
    expect(window(250, 100)).toEqual({ total: 250, matching: 250, offset: 250, rows: [] });
    expect(window(10_000, 100).rows).toEqual([]);
  });

  it('orders by creation either way, and by name', () => {
    expect(ids(window(0, 3, 'oldest').rows)).toEqual(['id00000', 'id00001', 'id00002']);
    expect(ids(window(0, 3, 'newest').rows)).toEqual(['id00249', 'id00248', 'id00247']);
    // Names count down as records are created: the newest has the lowest name.
    expect(window(0, 3, 'name').rows.map((row) => row.name)).toEqual(['item-00001', 'item-00002', 'item-00003']);
  });

  it('keeps records of one millisecond in the order they were added, and newest first puts the last added first', () => {
    const tied = [
      { id: 'zzz', name: 'a', createdAt: '2026-01-01T00:00:00.000Z' },
      { id: 'aaa', name: 'b', createdAt: '2026-01-01T00:00:00.000Z' },
      { id: 'mmm', name: 'c', createdAt: '2026-01-01T00:00:00.000Z' },
    ];
    const ordered = listOf().list;
    expect(ids(ordered.window({ records: tied }, { order: 'oldest', search: '', offset: 0, limit: 10 }, same).rows)).toEqual(['zzz', 'aaa', 'mmm']);
    expect(ids(ordered.window({ records: tied }, { order: 'newest', search: '', offset: 0, limit: 10 }, same).rows)).toEqual(['mmm', 'aaa', 'zzz']);
  });

  it('searches every searchable field, ignoring case and surrounding spaces, and counts the matches', () => {
    const byName = window(0, 100, 'newest', '  ITEM-0010 ');
    expect(byName.matching).toBe(10);
    // Newest first, and the newest has the lowest name.
    expect(byName.rows.map((row) => row.name)).toEqual(Array.from({ length: 10 }, (_, i) => `item-0010${i}`));
    expect(ids(window(0, 100, 'newest', 'ID0007').rows)).toEqual(['id00079', 'id00078', 'id00077', 'id00076', 'id00075', 'id00074', 'id00073', 'id00072', 'id00071', 'id00070']);
    expect(window(0, 100, 'newest', 'id00007')).toMatchObject({ total: 250, matching: 1, offset: 0 });
    expect(window(0, 100, 'newest', 'nothing like it')).toEqual({ total: 250, matching: 0, offset: 0, rows: [] });
  });

  it('never matches across two fields', () => {
    // "…00249" ends the name of record 1 and "id" starts its ID: joined plainly they would read "00249id".
    expect(window(0, 10, 'newest', '00249id').matching).toBe(0);
  });

  it('windows the matches, not the records', () => {
    const all = window(0, 500, 'oldest', 'item-001');
    expect(all.matching).toBe(100);
    expect(ids(window(40, 20, 'oldest', 'item-001').rows)).toEqual(ids(all.rows.slice(40, 60)));
    expect(window(90, 20, 'oldest', 'item-001').rows).toHaveLength(10);
  });

  it('narrows a longer search from the shorter one and gives the same answer as a fresh scan', () => {
    const typed = ['i', 'it', 'ite', 'item-0', 'item-00', 'item-002'].map((search) => window(0, 500, 'name', search));
    const fresh = listOf().list.window({ records }, { order: 'name', search: 'item-002', offset: 0, limit: 500 }, same);
    expect(ids(typed.at(-1)!.rows)).toEqual(ids(fresh.rows));
    expect(fresh.matching).toBe(51);
  });

  it('summarises only the rows of the window, together', () => {
    const summarise = vi.fn((rows: readonly Item[]) => rows.map((item) => ({ id: item.id })));
    const answer = list.window({ records }, { order: 'newest', search: '', offset: 30, limit: 20 }, summarise);
    expect(summarise).toHaveBeenCalledTimes(1);
    expect(summarise.mock.calls[0]![0]).toHaveLength(20);
    expect(answer.rows).toEqual(records.slice(200, 220).reverse().map((item) => ({ id: item.id })));
  });

  it('says where a record sits in the order as searched, or null when the search hides it', () => {
    expect(list.position({ records }, { order: 'newest', search: '' }, 'id00000')).toEqual({ index: 249, matching: 250 });
    expect(list.position({ records }, { order: 'oldest', search: '' }, 'id00000')).toEqual({ index: 0, matching: 250 });
    expect(list.position({ records }, { order: 'newest', search: 'id0007' }, 'id00070')).toEqual({ index: 9, matching: 10 });
    expect(list.position({ records }, { order: 'newest', search: 'id0007' }, 'id00001')).toEqual({ index: null, matching: 10 });
    expect(list.position({ records }, { order: 'newest', search: '' }, 'gone')).toEqual({ index: null, matching: 250 });
  });
});

describe('the cache of order and search text', () => {
  it('prepares the search text soon after a window without a search, so the first keystroke finds it ready', async () => {
    const records = items(20);
    const { list, fields } = listOf();
    list.window({ records }, { order: 'newest', search: '', offset: 0, limit: 10 }, same);
    await vi.waitFor(() => expect(fields).toHaveBeenCalledTimes(20));
    list.window({ records }, { order: 'newest', search: 'item', offset: 0, limit: 10 }, same);
    expect(fields).toHaveBeenCalledTimes(20);
  });

  it('builds no search text for a window without a search, and each record\'s once per collection, whatever is asked after', () => {
    const records = items(50);
    const { list, fields } = listOf();
    list.window({ records }, { order: 'newest', search: '', offset: 0, limit: 10 }, same);
    expect(fields).not.toHaveBeenCalled();
    for (const search of ['', 'item', 'item-0', 'id', 'x']) {
      for (const order of ['newest', 'oldest', 'name'] as const) list.window({ records }, { order, search, offset: 0, limit: 10 }, same);
    }
    expect(fields).toHaveBeenCalledTimes(50);
  });

  it('starts again when the collection is replaced: a change gives a new array', () => {
    const records = items(5);
    const { list, fields } = listOf();
    expect(list.window({ records }, { order: 'newest', search: 'item', offset: 0, limit: 10 }, same).matching).toBe(5);
    const renamed = records.map((record, n) => (n === 0 ? { ...record, name: 'renamed' } : record));
    const answer = list.window({ records: renamed }, { order: 'newest', search: 'item', offset: 0, limit: 10 }, same);
    expect(answer.matching).toBe(4);
    expect(list.window({ records: renamed }, { order: 'newest', search: 'renamed', offset: 0, limit: 10 }, same).rows.map((r) => r.id)).toEqual(['id00000']);
    expect(fields).toHaveBeenCalledTimes(10);
    // Added at the end: the newest leads.
    const added = [...renamed, { id: 'new', name: 'item-new', createdAt: '2027-01-01T00:00:00.000Z' }];
    expect(ids(list.window({ records: added }, { order: 'newest', search: '', offset: 0, limit: 1 }, same).rows)).toEqual(['new']);
  });

  it('starts again when another collection the search text reads is replaced', () => {
    const records = items(3);
    let labels = new Map(records.map((record) => [record.id, 'plain']));
    const list = createOrderedList<Item, 'newest'>({ orders: { newest: byCreation }, searchFields: (item) => [labels.get(item.id) ?? ''] });
    const others = [{}];
    expect(list.window({ records, alsoReads: [others] }, { order: 'newest', search: 'special', offset: 0, limit: 10 }, same).matching).toBe(0);
    labels = new Map(records.map((record) => [record.id, 'special']));
    // Same arrays: the cached text stands.
    expect(list.window({ records, alsoReads: [others] }, { order: 'newest', search: 'special', offset: 0, limit: 10 }, same).matching).toBe(0);
    expect(list.window({ records, alsoReads: [[{}]] }, { order: 'newest', search: 'special', offset: 0, limit: 10 }, same).matching).toBe(3);
  });
});
