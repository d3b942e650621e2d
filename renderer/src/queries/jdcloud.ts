import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Input } from '../../../electron/ipc/contract';
import type { ApplyReport, JdAccountView, Plan } from '../../../electron/shared/jdcloud/types';
import { client } from '../api';
import { useAppStore } from '../store';
import { putAccessKey } from './access-keys';
import { queryKeys } from './keys';
import { useResultMutation } from './mutation';
import { topicsSettled } from './settled';
import { unwrap } from './unwrap';

/*
 * JD Cloud API Gateway. The account and the last apply are local reads, kept
 * current by main's `dataChanged` for the 'jdcloud' topic. The plan reads the
 * gateway, so it is asked for only when the user plans (never on an event):
 * what changes the records clears it, and the screen offers to plan again.
 */

export const jdAccountQuery = queryOptions({
  queryKey: queryKeys.jdcloud.account,
  queryFn: async (): Promise<JdAccountView | null> => unwrap(await client.jdcloud.getAccount({})),
});

export const useJdAccount = () => useQuery(jdAccountQuery);

export const jdLastApplyQuery = queryOptions({
  queryKey: queryKeys.jdcloud.lastApply,
  queryFn: async (): Promise<ApplyReport | null> => unwrap(await client.jdcloud.lastApply({})),
});

export const useJdLastApply = () => useQuery(jdLastApplyQuery);

/** The plan, asked for with `refetch()` only: each ask reads every region of the gateway. */
export const useJdPlan = () =>
  useQuery({
    queryKey: queryKeys.jdcloud.plan,
    queryFn: async (): Promise<Plan> => unwrap(await client.jdcloud.plan({})),
    enabled: false,
    retry: false,
    gcTime: Infinity,
  });

/** A plan made before the records or the account changed no longer says what apply would do. */
export const forgetPlan = (queries: QueryClient): void => queries.removeQueries({ queryKey: queryKeys.jdcloud.plan, exact: true });

export type JdConnectInput = Input<'jdcloud.connect'>;

/** The SecretKey goes to main's keychain only: the settled mutation forgets its input at once (useResultMutation). */
export function useJdConnect() {
  const queries = useQueryClient();
  return useResultMutation((input: JdConnectInput) => client.jdcloud.connect(input), {
    async onOk(account) {
      queries.setQueryData(jdAccountQuery.queryKey, account);
      forgetPlan(queries);
      await topicsSettled(queries, ['jdcloud']);
      useAppStore.getState().showToast(`JD Cloud account ${account.accessKeyId} connected`);
    },
  });
}

export function useJdDisconnect() {
  const queries = useQueryClient();
  return useResultMutation(() => client.jdcloud.disconnect({}), {
    onOk() {
      queries.setQueryData(jdAccountQuery.queryKey, null);
      forgetPlan(queries);
      useAppStore.getState().showToast('JD Cloud account disconnected');
    },
  });
}

/** One signed read per region: the answer (or main's words for a 401/403) is shown where it was asked. */
export const useJdCheckConnection = () => useResultMutation(() => client.jdcloud.checkConnection({}));

export type JdPullInput = Input<'jdcloud.pull'>;

export function useJdPull() {
  const queries = useQueryClient();
  return useResultMutation((input: JdPullInput) => client.jdcloud.pull(input), {
    async onOk() {
      forgetPlan(queries);
      await topicsSettled(queries, ['apiGroups', 'authorizations', 'accessKeys', 'jdcloud']);
    },
  });
}

/** Names the running apply, so the page shows its progress again after the user left and came back. */
export const JD_APPLY_KEY = ['jdcloud', 'apply'] as const;

/** Applies the reviewed items; progress arrives as main's `progress` events (task 'jdApply'). */
export function useJdApply() {
  const queries = useQueryClient();
  return useResultMutation(({ itemIds }: { itemIds: string[] }) => client.jdcloud.apply({ itemIds }), {
    key: JD_APPLY_KEY,
    onOk(report) {
      queries.setQueryData(jdLastApplyQuery.queryKey, report);
    },
    onFailed() {
      void queries.invalidateQueries({ queryKey: jdLastApplyQuery.queryKey });
    },
  });
}

export const useJdCancelApply = () => useResultMutation(() => client.jdcloud.cancelApply({}));

export type JdCreateKeyInput = Input<'jdcloud.createKey'>;

/** The cloud makes the APIKey and APISecret; main keeps the secret in the keychain and answers the linked record. */
export function useJdCreateKey() {
  const queries = useQueryClient();
  return useResultMutation((input: JdCreateKeyInput) => client.jdcloud.createKey(input), {
    onOk(key) {
      putAccessKey(queries, key);
      const ui = useAppStore.getState();
      ui.closeCreateDialog();
      ui.openAccessKeyDetails(key.id);
      ui.showToast(`Access key created in JD Cloud (${key.remote?.region ?? 'JD Cloud'})`);
    },
  });
}
