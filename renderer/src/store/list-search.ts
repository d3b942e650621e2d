/**
 * Search over long lists (100,000 rows) that costs one pass of `includes` per keystroke:
 * each row's searchable fields are joined and lower-cased once per list, not per keystroke.
 */
export interface SearchIndex<T> {
  /** The rows in display order. */
  rows: T[];
  /** `keys[i]` is row i's fields, lower-cased, joined by a character no search can contain. */
  keys: string[];
  /** The last search, so a longer query only rescans what the shorter one matched. */
  last: { needle: string; positions: number[] } | null;
}

// A search box holds one line of text: it can never contain this.
const SEPARATOR = '\u0000';

export function searchIndex<T>(rows: T[], fields: (row: T) => string[]): SearchIndex<T> {
  return { rows, keys: rows.map((row) => fields(row).join(SEPARATOR).toLowerCase()), last: null };
}

/** The search as typed, trimmed and lower-cased; empty means "show everything". */
export const needleOf = (query: string): string => query.trim().toLowerCase();

/** Positions (in display order) of the rows whose key contains `needle`. */
export function matchingPositions<T>(index: SearchIndex<T>, needle: string): number[] {
  const { keys, last } = index;
  let positions: number[];
  if (last && last.needle === needle) return last.positions;
  if (last && needle.includes(last.needle)) {
    // Typing one more character: only rows that matched before can still match.
    positions = last.positions.filter((i) => keys[i]!.includes(needle));
  } else {
    positions = [];
    for (let i = 0; i < keys.length; i += 1) if (keys[i]!.includes(needle)) positions.push(i);
  }
  index.last = { needle, positions };
  return positions;
}

/** The rows matching `query`, in display order (or reversed). */
export function filterRows<T>(index: SearchIndex<T>, query: string, reversed = false): T[] {
  const needle = needleOf(query);
  if (!needle) return reversed ? [...index.rows].reverse() : index.rows;
  const out = matchingPositions(index, needle).map((i) => index.rows[i]!);
  return reversed ? out.reverse() : out;
}

/** `prepare(list)` computed once per list object (lists are replaced, never mutated, in the store). */
export function perList<L extends object, R>(prepare: (list: L) => R): (list: L) => R {
  const cache = new WeakMap<L, R>();
  return (list) => {
    let prepared = cache.get(list);
    if (prepared === undefined) {
      prepared = prepare(list);
      cache.set(list, prepared);
    }
    return prepared;
  };
}

type Dated = { createdAt: string; id: string };

/** Oldest first, the id breaking ties. ISO timestamps and ids compare as plain strings: no locale work. */
export const oldestFirst = (a: Dated, b: Dated): number =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Newest first; the id still breaks ties in ascending order. */
export const newestFirst = (a: Dated, b: Dated): number =>
  a.createdAt > b.createdAt ? -1 : a.createdAt < b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
