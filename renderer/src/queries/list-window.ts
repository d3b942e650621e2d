import { keepPreviousData, queryOptions, useQueries, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { ListWindow } from '../../../electron/shared/lists/window';
import type { Result } from '../api';
import { unwrap } from './unwrap';

/*
 * A list main answers in windows. The table reports the rows it renders; the
 * pages holding them, and one page either side, are asked for, each its own
 * query (`[...pages, params, page]`), so main's events invalidate every page
 * of a list by its prefix. The first page carries the counts and keeps the
 * previous search's answer while a new one is on its way: typing never
 * flashes an empty list. Rows not loaded yet are placeholders of the same height.
 */

/** Rows per page: a few screens' worth. */
export const PAGE_ROWS = 100;
/**
 * Pages kept once off screen, newest first; older ones are dropped so scrolling through
 * 100,000 rows never gathers the collection in the window.
 */
const KEPT_PAGES = 24;

export interface WindowedList<T> {
  /** Nothing to show yet: the first answer has not arrived. */
  isPending: boolean;
  isFetching: boolean;
  error: Error | null;
  /** Records in the collection, and those the search matches. */
  total: number;
  matching: number;
  /** The row at `index` among the matching ones, or undefined until its page arrives. */
  rowAt(index: number): T | undefined;
  /** The table's rendered row indexes: their pages (and one either side) are asked for. */
  showRows(indexes: readonly number[]): void;
}

/** The pages to ask for: those holding the rendered rows, and one either side of each run of them. */
export function pagesFor(indexes: readonly number[], matching: number | undefined): number[] {
  const last = matching === undefined ? 0 : Math.max(0, Math.ceil(matching / PAGE_ROWS) - 1);
  const pages = new Set<number>();
  const sorted = [...indexes].sort((a, b) => a - b);
  let runStart = 0;
  for (let i = 0; i < sorted.length; i += 1) {
    const runEnds = i === sorted.length - 1 || sorted[i + 1]! - sorted[i]! > 1;
    if (!runEnds) continue;
    const first = Math.floor(sorted[runStart]! / PAGE_ROWS) - 1;
    const end = Math.floor(sorted[i]! / PAGE_ROWS) + 1;
    for (let page = first; page <= end; page += 1) pages.add(page);
    runStart = i + 1;
  }
  return [...pages].filter((page) => page >= 0 && page <= last).sort((a, b) => a - b);
}

/** Drops the oldest pages of this list that nothing shows, beyond KEPT_PAGES. */
function forgetOldPages(queries: QueryClient, prefix: readonly string[]): void {
  const unused = queries
    .getQueryCache()
    .findAll({ queryKey: prefix })
    .filter((query) => query.getObserversCount() === 0)
    .sort((a, b) => b.state.dataUpdatedAt - a.state.dataUpdatedAt);
  for (const query of unused.slice(KEPT_PAGES)) queries.removeQueries({ queryKey: query.queryKey, exact: true });
}

export interface WindowedListOptions<T, P> {
  /** The list's key prefix, under its data topic: `[topic, 'query']`. */
  prefix: readonly string[];
  /** What selects the list's rows and order (search, order): part of every page's key. */
  params: P;
  fetch(params: P, offset: number, limit: number): Promise<Result<ListWindow<T>>>;
}

/** One page of a list: its key under the list's prefix, and the window main answers for it. */
export const pageQuery = <T, P>({ prefix, params, fetch }: WindowedListOptions<T, P>, page: number) =>
  queryOptions({
    queryKey: [...prefix, params, page] as readonly unknown[],
    queryFn: async (): Promise<ListWindow<T>> => unwrap(await fetch(params, page * PAGE_ROWS, PAGE_ROWS)),
  });

export function useWindowedList<T, P>(options: WindowedListOptions<T, P>): WindowedList<T> {
  const queries = useQueryClient();
  const head = useQuery({ ...pageQuery(options, 0), placeholderData: keepPreviousData });
  const [shown, setShown] = useState<readonly number[]>([]);
  const matching = head.data?.matching;
  const wanted = useMemo(() => pagesFor(shown, head.isPlaceholderData ? 0 : matching).filter((page) => page > 0), [shown, matching, head.isPlaceholderData]);
  const others = useQueries({ queries: wanted.map((page) => pageQuery(options, page)) });

  const byPage = new Map<number, ListWindow<T> | undefined>(wanted.map((page, i) => [page, others[i]?.data]));
  byPage.set(0, head.data);
  const rowAt = (index: number): T | undefined => {
    const window = byPage.get(Math.floor(index / PAGE_ROWS));
    return window?.rows[index - window.offset];
  };

  // The prefixes are constants (queries/keys.ts): the callback stays the same across renders.
  const { prefix } = options;
  const showRows = useCallback(
    (indexes: readonly number[]) => {
      setShown((before) => (before.length === indexes.length && before.every((index, i) => index === indexes[i]) ? before : indexes));
      forgetOldPages(queries, prefix);
    },
    [queries, prefix],
  );

  return {
    isPending: head.isPending,
    isFetching: head.isFetching || others.some((page) => page.isFetching),
    error: head.error,
    total: head.data?.total ?? 0,
    matching: matching ?? 0,
    rowAt,
    showRows,
  };
}
