import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Input } from '../../../electron/ipc/contract';
import type { AuthorizationSummary } from '../../../electron/shared/authorizations/types';
import type { ListWindow } from '../../../electron/shared/lists/window';
import { client } from '../api';
import { useAppStore } from '../store';
import { PROVIDER_TOPICS, refreshOnMissing } from './api-groups';
import { queryKeys } from './keys';
import { useWindowedList, type WindowedListOptions } from './list-window';
import { useResultMutation } from './mutation';
import { topicsSettled } from './settled';
import { ipcErrorOf, unwrap } from './unwrap';

export interface AuthorizationListParams {
  search: string;
}

const listOptions = (params: AuthorizationListParams): WindowedListOptions<AuthorizationSummary, AuthorizationListParams> => ({
  prefix: queryKeys.authorizations.pages,
  params,
  fetch: ({ search }, offset, limit) => client.authorizations.query({ search, offset, limit }),
});

/** The Access Authorization page's rows: matching `search`, newest first, a window at a time (main searches and counts). */
export const useAuthorizationList = (params: AuthorizationListParams) => useWindowedList(listOptions(params));

/** A cached row of the list, if any window holds it. */
function cachedRow(queries: QueryClient, id: string): AuthorizationSummary | undefined {
  for (const [, window] of queries.getQueriesData<ListWindow<AuthorizationSummary>>({ queryKey: queryKeys.authorizations.pages })) {
    const found = window?.rows.find((a) => a.id === id);
    if (found) return found;
  }
  return undefined;
}

/**
 * One authorization as main has it (the list's row at once, then main's answer); undefined once
 * it is gone (deleted here, elsewhere or by the CLI): main's events ask again, and main says NOT_FOUND.
 */
export function useAuthorization(id: string): AuthorizationSummary | undefined {
  const queries = useQueryClient();
  const query = useQuery({
    queryKey: queryKeys.authorizations.detail(id),
    queryFn: async () => unwrap(await client.authorizations.get({ id })),
    placeholderData: () => cachedRow(queries, id),
  });
  return query.isError && ipcErrorOf(query.error).code === 'NOT_FOUND' ? undefined : query.data;
}

/** Where the authorization `id` sits in the list as searched (null: hidden by the search, or gone). */
export function useAuthorizationPosition(id: string | null, search: string): number | null | undefined {
  return useQuery({
    queryKey: queryKeys.authorizations.position(id ?? '', search),
    queryFn: async () => unwrap(await client.authorizations.locate({ id: id!, search })).index,
    enabled: id !== null,
  }).data;
}

/** Creates it, shows its row, and offers Bind as the next step; the dialog closes by the reveal. */
export function useCreateAuthorization() {
  const queries = useQueryClient();
  return useResultMutation((input: Input<'authorizations.create'>) => client.authorizations.create(input), {
    async onOk(created) {
      // Main's event asked for the list again: its answer first, so the row to scroll to is there.
      await topicsSettled(queries, ['authorizations']);
      const ui = useAppStore.getState();
      ui.revealAuthorization(created.id);
      ui.showToast(`Authorization created for ${created.callerKey}`, 'success', {
        label: 'Bind API groups',
        run: () => useAppStore.getState().openAuthorizationDialog({ kind: 'bind', id: created.id }),
      });
    },
  });
}

export function useUpdateAuthorization() {
  const queries = useQueryClient();
  return useResultMutation(({ id, description }: { id: string; description: string }) => client.authorizations.update({ id, description }), {
    async onOk() {
      await topicsSettled(queries, ['authorizations']);
      useAppStore.getState().showToast('Authorization saved');
    },
    onFailed: refreshOnMissing(queries),
  });
}

/** Takes the authorization as shown: main's event may drop it from the cache before the answer arrives, and the toast names it. */
export function useDeleteAuthorization() {
  const queries = useQueryClient();
  return useResultMutation(({ id }: Pick<AuthorizationSummary, 'id' | 'callerKey'>) => client.authorizations.delete({ id }), {
    async onOk(_, { callerKey }) {
      // Its bindings went too: main's event names the groups' counts as well.
      await topicsSettled(queries, PROVIDER_TOPICS);
      useAppStore.getState().showToast(`Authorization for ${callerKey} deleted`);
    },
    onFailed: refreshOnMissing(queries),
  });
}

/** `groupIds` is the full bound set, not a difference. */
export function useSetAuthorizationBindings() {
  const queries = useQueryClient();
  return useResultMutation(({ id, groupIds }: { id: string; groupIds: string[] }) => client.authorizations.setBindings({ id, groupIds }), {
    async onOk(saved) {
      await topicsSettled(queries, PROVIDER_TOPICS);
      useAppStore.getState().showToast(`Bindings saved for ${saved.callerKey}`);
    },
    // A group (or the authorization) deleted meanwhile: the panes show what is left.
    onFailed: refreshOnMissing(queries),
  });
}
