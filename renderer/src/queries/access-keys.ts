import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { AccessKeySummary, SecretStatus } from '../../../electron/shared/access-keys/types';
import type { BoundGroup } from '../../../electron/shared/authorizations/types';
import { client } from '../api';
import { queryKeys } from './keys';
import { queryClient } from './query-client';
import { unwrap } from './unwrap';

/*
 * Access keys as main has them: metadata only. An APISecret is never cached:
 * revealing one is a call whose answer lives in the details screen's state
 * while shown (components/SecretField.tsx).
 */

export const accessKeysQuery = queryOptions({
  queryKey: queryKeys.accessKeys.list,
  queryFn: async (): Promise<AccessKeySummary[]> => unwrap(await client.accessKeys.list({})),
});

/** Every access key (unsorted: the list sorts and filters, see store/visible-access-keys.ts). */
export const useAccessKeys = () => useQuery(accessKeysQuery);

const same = (a: AccessKeySummary, b: AccessKeySummary) => (Object.keys(a) as Array<keyof AccessKeySummary>).every((field) => a[field] === b[field]);

/** The list with `key` put in (or replaced); the same array when it already holds exactly this. */
function upsert(keys: AccessKeySummary[], key: AccessKeySummary): AccessKeySummary[] {
  const at = keys.findIndex((k) => k.id === key.id);
  if (at < 0) return [...keys, key];
  return same(keys[at]!, key) ? keys : keys.map((k, i) => (i === at ? key : k));
}

/** A record main just answered with, into the list and its details page. */
export function putAccessKey(queries: QueryClient, key: AccessKeySummary): void {
  queries.setQueryData(accessKeysQuery.queryKey, (keys) => keys && upsert(keys, key));
  queries.setQueryData(queryKeys.accessKeys.detail(key.id), key);
}

/** A key main no longer has: out of the list (its details page learns it from its own query). */
export function dropAccessKey(queries: QueryClient, id: string): void {
  queries.setQueryData(accessKeysQuery.queryKey, (keys) => keys?.filter((k) => k.id !== id));
}

export const accessKeyName = (queries: QueryClient, id: string): string | undefined =>
  queries.getQueryData<AccessKeySummary>(queryKeys.accessKeys.detail(id))?.name ?? queries.getQueryData(accessKeysQuery.queryKey)?.find((k) => k.id === id)?.name;

/** What a keychain call just learnt of one key's secret (missing, or the keychain unreadable), before the next reconcile. */
export function setSecretStatus(id: string, secretStatus: SecretStatus, queries: QueryClient = queryClient): void {
  queries.setQueryData(accessKeysQuery.queryKey, (keys) => keys?.map((k) => (k.id === id ? { ...k, secretStatus } : k)));
  queries.setQueryData<AccessKeySummary>(queryKeys.accessKeys.detail(id), (key) => key && { ...key, secretStatus });
}

/** Asks main for every key again, e.g. after a reconcile changed their secret statuses. */
export const refreshAccessKeys = (queries: QueryClient = queryClient): Promise<unknown> =>
  Promise.all([queries.invalidateQueries({ queryKey: accessKeysQuery.queryKey }), queries.invalidateQueries({ queryKey: queryKeys.accessKeys.detailsAll })]);

/** One key as main has it now; the answer corrects the list too (a key deleted elsewhere drops out of it). */
async function fetchAccessKey(queries: QueryClient, id: string): Promise<AccessKeySummary> {
  const result = await client.accessKeys.get({ id });
  if (result.ok) queries.setQueryData(accessKeysQuery.queryKey, (keys) => keys && upsert(keys, result.data));
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
    placeholderData: () => queries.getQueryData(accessKeysQuery.queryKey)?.find((k) => k.id === id),
    refetchOnMount: 'always',
  });
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
