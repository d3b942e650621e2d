import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Input } from '../../../electron/ipc/contract';
import type { AuthorizationSummary } from '../../../electron/shared/authorizations/types';
import { client } from '../api';
import { useDeferredSearch } from '../hooks/useDeferredSearch';
import { useAppStore } from '../store';
import { visibleAuthorizations } from '../store/visible-provider-lists';
import { PROVIDER_TOPICS, refreshOnMissing } from './api-groups';
import { queryKeys } from './keys';
import { useResultMutation } from './mutation';
import { topicsSettled } from './settled';
import { unwrap } from './unwrap';

export const authorizationsQuery = queryOptions({
  queryKey: queryKeys.authorizations.list,
  queryFn: async (): Promise<AuthorizationSummary[]> => unwrap(await client.authorizations.list({})),
});

/** Every authorization with its bound groups, as main has them. */
export const useAuthorizations = () => useQuery(authorizationsQuery);

/** One authorization from the list; undefined once it is gone (deleted here, elsewhere or by the CLI). */
export const useAuthorization = (id: string): AuthorizationSummary | undefined =>
  useQuery({ ...authorizationsQuery, select: (list) => list.find((a) => a.id === id) }).data;

const NONE: AuthorizationSummary[] = [];

/** The Access Authorization page's rows: filtered by its search, newest first. */
export function useVisibleAuthorizations() {
  const authorizations = useAuthorizations().data ?? NONE;
  const query = useDeferredSearch(useAppStore((s) => s.authorizationQuery), authorizations.length);
  return useMemo(() => visibleAuthorizations(authorizations, query), [authorizations, query]);
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
