import { keepPreviousData, useQueries, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { AccessKeySummary, SecretStatus } from '../../../electron/shared/access-keys/types';
import type { BoundGroup } from '../../../electron/shared/authorizations/types';
import { MAX_WINDOW_ROWS, type AccessKeyOrder, type ListWindow } from '../../../electron/shared/lists/window';
import { client } from '../api';
import { queryKeys } from './keys';
import { PAGE_ROWS, pageQuery, useWindowedList, type WindowedListOptions } from './list-window';
import { queryClient } from './query-client';
import { unwrap } from './unwrap';

/*
 * Access keys as main has them: metadata only, a window at a time. An
 * APISecret is never cached: revealing one is a call whose answer lives in
 * the details screen's state while shown (components/SecretField.tsx).
 */

export interface AccessKeyListParams {
  search: string;
  order: AccessKeyOrder;
}

const listOptions = (params: AccessKeyListParams): WindowedListOptions<AccessKeySummary, AccessKeyListParams> => ({
  prefix: queryKeys.accessKeys.pages,
  params,
  fetch: ({ search, order }, offset, limit) => client.accessKeys.query({ search, order, offset, limit }),
});

/** The list as the Access Key page first shows it: its first page is asked for at startup. */
export const DEFAULT_ACCESS_KEY_LIST: AccessKeyListParams = { search: '', order: 'newest' };
export const firstAccessKeyPage = pageQuery(listOptions(DEFAULT_ACCESS_KEY_LIST), 0);

/** Most keys a picker offers at once: typing narrows the rest (main searches). */
export const KEY_CHOICES = PAGE_ROWS;

/** A picker's keys: the first KEY_CHOICES matching `search`, by name; the previous answer stays while typing. */
export const useAccessKeyChoices = (search: string) =>
  useQuery({ ...pageQuery(listOptions({ search, order: 'name' }), 0), placeholderData: keepPreviousData });

/** The keys matching `search` in `order`, a window at a time (main searches, orders and counts). */
export const useAccessKeyList = (params: AccessKeyListParams) => useWindowedList(listOptions(params));

/** Every cached window of the list, with `change` applied to its rows. */
function patchPages(queries: QueryClient, change: (key: AccessKeySummary) => AccessKeySummary): void {
  queries.setQueriesData<ListWindow<AccessKeySummary>>({ queryKey: queryKeys.accessKeys.pages }, (window) => {
    if (!window) return window;
    let changed = false;
    const rows = window.rows.map((key) => {
      const next = change(key);
      changed ||= next !== key;
      return next;
    });
    return changed ? { ...window, rows } : window;
  });
}

/** A cached row of the list, if any window holds it. */
function cachedRow(queries: QueryClient, id: string): AccessKeySummary | undefined {
  for (const [, window] of queries.getQueriesData<ListWindow<AccessKeySummary>>({ queryKey: queryKeys.accessKeys.pages })) {
    const found = window?.rows.find((key) => key.id === id);
    if (found) return found;
  }
  return undefined;
}

/** A record main just answered with, into its details page and any window showing it. */
export function putAccessKey(queries: QueryClient, key: AccessKeySummary): void {
  patchPages(queries, (k) => (k.id === key.id ? key : k));
  queries.setQueryData(queryKeys.accessKeys.detail(key.id), key);
}

/**
 * A key main no longer has: out of the windows that show it at once (so it never flashes back),
 * and every window asked again, since each later row moves up one.
 */
export function dropAccessKey(queries: QueryClient, id: string): void {
  queries.setQueriesData<ListWindow<AccessKeySummary>>({ queryKey: queryKeys.accessKeys.pages }, (window) => {
    if (!window?.rows.some((k) => k.id === id)) return window;
    return { ...window, total: window.total - 1, matching: window.matching - 1, rows: window.rows.filter((k) => k.id !== id) };
  });
  void queries.invalidateQueries({ queryKey: queryKeys.accessKeys.pages });
}

export const accessKeyName = (queries: QueryClient, id: string): string | undefined =>
  queries.getQueryData<AccessKeySummary>(queryKeys.accessKeys.detail(id))?.name ?? cachedRow(queries, id)?.name;

/** What a keychain call just learnt of one key's secret (missing, or the keychain unreadable), before the next reconcile. */
export function setSecretStatus(id: string, secretStatus: SecretStatus, queries: QueryClient = queryClient): void {
  patchPages(queries, (k) => (k.id === id && k.secretStatus !== secretStatus ? { ...k, secretStatus } : k));
  queries.setQueryData<AccessKeySummary>(queryKeys.accessKeys.detail(id), (key) => key && { ...key, secretStatus });
}

/** Asks main for the keys again, e.g. after a reconcile changed their secret statuses. */
export const refreshAccessKeys = (queries: QueryClient = queryClient): Promise<unknown> =>
  Promise.all([queries.invalidateQueries({ queryKey: queryKeys.accessKeys.pages }), queries.invalidateQueries({ queryKey: queryKeys.accessKeys.detailsAll })]);

/** One key as main has it now; the answer corrects the list's windows too. */
async function fetchAccessKey(queries: QueryClient, id: string): Promise<AccessKeySummary> {
  const result = await client.accessKeys.get({ id });
  if (result.ok) patchPages(queries, (k) => (k.id === id ? result.data : k));
  else if (result.error.code === 'NOT_FOUND') dropAccessKey(queries, id);
  return unwrap(result);
}

/**
 * A key's details page. Shows the list's row at once, and always asks main on
 * arrival: another window or the CLI may have changed or deleted the key.
 */
export function useAccessKey(id: string) {
  const queries = useQueryClient();
  return useQuery({
    queryKey: queryKeys.accessKeys.detail(id),
    queryFn: () => fetchAccessKey(queries, id),
    placeholderData: () => cachedRow(queries, id),
    refetchOnMount: 'always',
  });
}

/** One key, as a picker shows the chosen one (not refetched on every mount, unlike details). */
export const useChosenAccessKey = (id: string | null) => {
  const queries = useQueryClient();
  return useQuery({
    queryKey: queryKeys.accessKeys.detail(id ?? ''),
    queryFn: () => fetchAccessKey(queries, id!),
    placeholderData: () => (id ? cachedRow(queries, id) : undefined),
    enabled: id !== null,
  });
};

/** Names of keys Health lists by ID, asked a bounded batch at a time; a key not (yet) named is absent. */
export function useAccessKeyNames(ids: readonly string[]): ReadonlyMap<string, string> {
  const batches: string[][] = [];
  for (let at = 0; at < ids.length; at += MAX_WINDOW_ROWS) batches.push(ids.slice(at, at + MAX_WINDOW_ROWS));
  const answers = useQueries({
    queries: batches.map((batch) => ({
      queryKey: queryKeys.accessKeys.names(batch),
      queryFn: async () => unwrap(await client.accessKeys.names({ ids: batch })),
    })),
  });
  const names = new Map<string, string>();
  for (const answer of answers) for (const { id, name } of answer.data ?? []) names.set(id, name);
  return names;
}

/**
 * The API groups a key of this app is authorized for. Asked again on every visit:
 * they change with authorizations and bindings, which are other topics.
 */
export const useAccessKeyGrants = (id: string) =>
  useQuery({
    queryKey: queryKeys.accessKeys.grants(id),
    queryFn: async (): Promise<BoundGroup[]> => unwrap(await client.accessKeys.listGrants({ id })),
    refetchOnMount: 'always',
  });
