import { useDeferredValue } from 'react';

// A search is one pass of `includes` over keys made once per list (store/list-search.ts): about 1 ms for
// 100,000 rows here. Lists up to 20,000 rows filter in the keystroke's own frame; longer ones in a
// deferred render, so the search box repaints first even on a slower machine, at the price of a frame.
const DEFER_SEARCH_ABOVE = 20_000;

/** The search text to filter `rows` rows by: as typed for short lists, deferred for long ones. */
export function useDeferredSearch(query: string, rows: number): string {
  const deferred = useDeferredValue(query);
  return rows > DEFER_SEARCH_ABOVE ? deferred : query;
}
