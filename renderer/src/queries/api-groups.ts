import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { DataTopic, Input } from '../../../electron/ipc/contract';
import type { ApiGroupSummary } from '../../../electron/shared/api-groups/types';
import { client, type IpcError } from '../api';
import { useAppStore } from '../store';
import { queryKeys } from './keys';
import { useWindowedList, type WindowedListOptions } from './list-window';
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

/** The catalogue in store order, for Bind and the Test Call host picker (main answers at most MAX_LISTED_GROUPS). */
export const useApiGroups = () => useQuery(apiGroupsQuery);

export interface ApiGroupListParams {
  search: string;
}

const listOptions = (params: ApiGroupListParams): WindowedListOptions<ApiGroupSummary, ApiGroupListParams> => ({
  prefix: queryKeys.apiGroups.pages,
  params,
  fetch: ({ search }, offset, limit) => client.apiGroups.query({ search, offset, limit }),
});

/** The API Groups page's rows: matching `search`, newest first, a window at a time (main searches and counts). */
export const useApiGroupList = (params: ApiGroupListParams) => useWindowedList(listOptions(params));

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
