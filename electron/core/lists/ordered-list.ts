import type { ListPosition, ListWindow } from '../../shared/lists/window';

/*
 * A list answered in windows. Each order is kept as a permutation of the
 * collection, and each record's search text once, per generation of the data
 * the list reads; a request is then a filter over that text and a slice, and
 * only the rows of the window are summarised. Records are immutable and a
 * change replaces the collection array, so the arrays' identities are a
 * correct cache key.
 */

/**
 * How a list orders its records: the records' indexes in that order. One order may be
 * derived from another (`as`), e.g. newest = oldest reversed.
 */
export type Ordering<R, O extends string> = (records: readonly R[], as: (order: O) => readonly number[]) => readonly number[];

export interface ListDefinition<R, O extends string> {
  orders: Record<O, Ordering<R, O>>;
  /** The fields a search looks in; joined and lower-cased here once per generation, never per keystroke. */
  searchFields(record: R): readonly string[];
}

/** The records to list, and every other array their order or search text depends on. */
export interface ListSource<R> {
  records: readonly R[];
  /** E.g. the access keys, whose names an authorization's search text holds. */
  alsoReads?: readonly object[];
}

export interface WindowRequest<O extends string> {
  order: O;
  search: string;
  offset: number;
  limit: number;
}

interface Ordered {
  /** Indexes into the records, in this order. */
  indexes: readonly number[];
  /** Recent searches' matches (positions into `indexes`), the most recent last. */
  searches: Map<string, number[]>;
}

interface Generation<O extends string> {
  sources: readonly object[];
  orders: Map<O, Ordered>;
  /** texts[i] is records[i]'s search text, lower-cased: built at the first search (or just after the first window). */
  texts?: string[];
}

// Between fields, so no search matches across two: a search box holds one line of typed text.
const SEPARATOR = '\u0000';

/** Searches remembered per order: a few keystrokes back, so Backspace and the next page cost no scan. */
const REMEMBERED_SEARCHES = 8;

/** The search as typed, trimmed and lower-cased; empty means "everything". */
export const needleOf = (search: string): string => search.trim().toLowerCase();

const sameSources = (a: readonly object[], b: readonly object[]) => a.length === b.length && a.every((source, i) => source === b[i]);

export function createOrderedList<R extends { id: string }, O extends string>(definition: ListDefinition<R, O>) {
  let generation: Generation<O> | undefined;

  function generationOf({ records, alsoReads = [] }: ListSource<R>): Generation<O> {
    const sources = [records, ...alsoReads];
    if (!generation || !sameSources(generation.sources, sources)) generation = { sources, orders: new Map() };
    return generation;
  }

  function ordered(current: Generation<O>, records: readonly R[], order: O, resolving: ReadonlySet<O> = new Set()): Ordered {
    let found = current.orders.get(order);
    if (found) return found;
    if (resolving.has(order)) throw new Error(`List order "${order}" is defined by itself`);
    const indexes = definition.orders[order](records, (other) => ordered(current, records, other, new Set([...resolving, order])).indexes);
    found = { indexes, searches: new Map() };
    current.orders.set(order, found);
    return found;
  }

  function textsOf(current: Generation<O>, records: readonly R[]): string[] {
    current.texts ??= records.map((record) => definition.searchFields(record).join(SEPARATOR).toLowerCase());
    return current.texts;
  }

  /**
   * Builds the search text soon after an unsearched window is answered, so the first keystroke
   * finds it ready (at 100,000 records it is tens of milliseconds, better spent before the user types).
   */
  function prepareSearch(current: Generation<O>, records: readonly R[]): void {
    if (current.texts) return;
    const timer = setTimeout(() => {
      if (generation === current) textsOf(current, records);
    }, 0);
    timer.unref?.();
  }

  /** Positions (into `list.indexes`) of the records matching `needle`; a longer search rescans only what a shorter one matched. */
  function positionsOf(list: Ordered, texts: readonly string[], needle: string): number[] {
    const known = list.searches.get(needle);
    if (known) {
      list.searches.delete(needle);
      list.searches.set(needle, known);
      return known;
    }
    let narrowest: number[] | undefined;
    for (const [earlier, positions] of list.searches) {
      if (needle.includes(earlier) && (!narrowest || positions.length < narrowest.length)) narrowest = positions;
    }
    const { indexes } = list;
    const positions: number[] = [];
    if (narrowest) {
      for (const at of narrowest) if (texts[indexes[at]!]!.includes(needle)) positions.push(at);
    } else {
      for (let at = 0; at < indexes.length; at += 1) if (texts[indexes[at]!]!.includes(needle)) positions.push(at);
    }
    list.searches.set(needle, positions);
    if (list.searches.size > REMEMBERED_SEARCHES) list.searches.delete(list.searches.keys().next().value!);
    return positions;
  }

  /** The list in `order`, and the positions `search` matches (null: every record). */
  function matching(source: ListSource<R>, order: O, search: string): { list: Ordered; positions: number[] | null } {
    const current = generationOf(source);
    const list = ordered(current, source.records, order);
    const needle = needleOf(search);
    if (!needle) {
      prepareSearch(current, source.records);
      return { list, positions: null };
    }
    return { list, positions: positionsOf(list, textsOf(current, source.records), needle) };
  }

  return {
    /** Rows offset..offset+limit of the matching records; only those are summarised, together (`summarise` may batch). */
    window<S>(source: ListSource<R>, request: WindowRequest<O>, summarise: (records: readonly R[]) => S[]): ListWindow<S> {
      const { list, positions } = matching(source, request.order, request.search);
      const count = positions ? positions.length : list.indexes.length;
      const end = Math.min(count, request.offset + request.limit);
      const records: R[] = [];
      for (let at = request.offset; at < end; at += 1) records.push(source.records[list.indexes[positions ? positions[at]! : at]!]!);
      return { total: source.records.length, matching: count, offset: request.offset, rows: summarise(records) };
    },

    /** Where the record `id` sits among the matching records, in `order`. */
    position(source: ListSource<R>, request: Pick<WindowRequest<O>, 'order' | 'search'>, id: string): ListPosition {
      const { list, positions } = matching(source, request.order, request.search);
      const { records } = source;
      const isIt = (at: number) => records[list.indexes[at]!]!.id === id;
      let index = -1;
      if (positions) index = positions.findIndex(isIt);
      else for (let at = 0; at < list.indexes.length && index < 0; at += 1) if (isIt(at)) index = at;
      return { index: index < 0 ? null : index, matching: positions ? positions.length : list.indexes.length };
    },
  };
}

export type OrderedList<R extends { id: string }, O extends string> = ReturnType<typeof createOrderedList<R, O>>;
