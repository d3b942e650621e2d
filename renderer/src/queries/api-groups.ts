import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { DataTopic, Input } from '../../../electron/ipc/contract';
import type { ApiGroupSummary } from '../../../electron/shared/api-groups/types';
import { client, type IpcError } from '../api';
import { useDeferredSearch } from '../hooks/useDeferredSearch';
import { useAppStore } from '../store';
import { visibleApiGroups } from '../store/visible-provider-lists';
import { queryKeys } from './keys';
import { useResultMutation } from './mutation';
import { topicsSettled } from './settled';
import { unwrap } from './unwrap';

/** The form's text, as typed; main's schema checks it (the environment among the rest) and says what is wrong. */
export type ApiGroupInput = { [K in keyof Input<'apiGroups.create'>]: string };
const asFields = (input: ApiGroupInput) => input as Input<'apiGroups.create'>;

export const apiGroupsQuery = queryOptions({
  queryKey: queryKeys.apiGroups.list,
  queryFn: async (): Promise<ApiGroupSummary[]> => unwrap(await client.apiGroups.list({})),
});

/** Every API group, as main has them (unsorted: the pages sort and filter, see visible-provider-lists.ts). */
export const useApiGroups = () => useQuery(apiGroupsQuery);

const NONE: ApiGroupSummary[] = [];

/** The API Groups page's rows: filtered by its search, newest first; the same array until list or search change. */
export function useVisibleApiGroups() {
  const groups = useApiGroups().data ?? NONE;
  const query = useDeferredSearch(useAppStore((s) => s.apiGroupQuery), groups.length);
  return useMemo(() => visibleApiGroups(groups, query), [groups, query]);
}

/**
 * Both provider lists, after a change main did not announce (a record gone
 * meanwhile): counts on one side, group names on the other, and the groups a
 * local key's details page shows.
 */
const refreshProviderLists = (queries: QueryClient): Promise<unknown> =>
  Promise.all([
    queries.invalidateQueries({ queryKey: queryKeys.apiGroups.all }),
    queries.invalidateQueries({ queryKey: queryKeys.authorizations.all }),
    queries.invalidateQueries({ queryKey: queryKeys.accessKeys.grantsAll }),
  ]);

/** What a change to groups, authorizations or bindings shows in (main's `dataChanged` names them). */
export const PROVIDER_TOPICS: readonly DataTopic[] = ['apiGroups', 'authorizations', 'accessKeys'];

/** A NOT_FOUND means the record went meanwhile (another window, the CLI): show both lists as they are now. */
export const refreshOnMissing = (queries: QueryClient) => (error: IpcError) =>
  error.code === 'NOT_FOUND' ? refreshProviderLists(queries) : undefined;

export function useCreateApiGroup() {
  const queries = useQueryClient();
  return useResultMutation((fields: ApiGroupInput) => client.apiGroups.create(asFields(fields)), {
    async onOk(group) {
      await topicsSettled(queries, ['apiGroups']);
      useAppStore.getState().showToast(`API group "${group.name}" created`);
    },
  });
}

export function useUpdateApiGroup() {
  const queries = useQueryClient();
  return useResultMutation(
    ({ id, fields }: { id: string; fields: ApiGroupInput }) => client.apiGroups.update({ id, ...asFields(fields) }),
    {
      // Authorizations show group names: main's event names both lists.
      async onOk(group) {
        await topicsSettled(queries, PROVIDER_TOPICS);
        useAppStore.getState().showToast(`API group "${group.name}" saved`);
      },
      onFailed: refreshOnMissing(queries),
    },
  );
}

/** Takes the group as shown: main's event may drop it from the cache before the answer arrives, and the toast names it. */
export function useDeleteApiGroup() {
  const queries = useQueryClient();
  return useResultMutation(({ id }: Pick<ApiGroupSummary, 'id' | 'name'>) => client.apiGroups.delete({ id }), {
    async onOk(_, { name }) {
      await topicsSettled(queries, PROVIDER_TOPICS);
      useAppStore.getState().showToast(`API group "${name}" deleted`);
    },
    onFailed: refreshOnMissing(queries),
  });
}
