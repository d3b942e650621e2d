import type { QueryClient } from '@tanstack/react-query';
import type { MainEvent } from '../../../electron/ipc/contract';
import type { KeychainState } from '../../../electron/shared/keychain-state';
import { isUnreadable } from '../keychain-state';
import { appStatusQuery, setStoreStatus } from '../queries/app';
import { learnKeychainState, recheckKeychain } from '../queries/keychain';
import { queryKeys } from '../queries/keys';
import { useAppStore } from '../store';

/** Main's word on the keychain, from a call someone else made (a reveal, a reconcile, a create). */
function onKeychainState(keychain: KeychainState, queries: QueryClient): void {
  const ui = useAppStore.getState();
  if (keychain.state !== 'ready') {
    ui.showReconcileNotice();
    learnKeychainState(keychain);
    return;
  }
  // Readable again: check every key before saying so, so the notice and the badges change together.
  // A check already running learns it by itself.
  if (isUnreadable(queries.getQueryData<KeychainState>(queryKeys.keychain.state)) && !ui.keychainChecking) void recheckKeychain();
}

/**
 * Marks every query under `queryKey` stale and refetches those on screen.
 * TanStack joins a refetch to a first fetch still on its way (it cancels only
 * fetches that would replace data), and that answer may be older than the
 * event: such a query is asked again once it lands.
 */
function invalidate(queries: QueryClient, queryKey: readonly unknown[]): void {
  for (const query of queries.getQueryCache().findAll({ queryKey })) {
    const first = query.state.data === undefined && query.state.fetchStatus === 'fetching' ? query.promise : undefined;
    if (first) void first.then(undefined, () => undefined).then(() => queries.invalidateQueries({ queryKey: query.queryKey, exact: true }));
  }
  void queries.invalidateQueries({ queryKey });
}

/**
 * Where each event from main goes: the store's status and the keychain's state
 * into the query cache, changed data as invalidated queries (refetched if on
 * screen, else when next shown), progress into UI state.
 */
export function routeMainEvent(event: MainEvent, queries: QueryClient): void {
  switch (event.type) {
    case 'storeStatus':
      // Before the first answer there is nothing to patch.
      if (queries.getQueryData(appStatusQuery.queryKey) === undefined) invalidate(queries, appStatusQuery.queryKey);
      else setStoreStatus(queries, event.data);
      break;
    case 'keychainState':
      onKeychainState(event.data, queries);
      break;
    case 'dataChanged':
      for (const topic of event.data.topics) invalidate(queries, [topic]);
      break;
    case 'progress':
      useAppStore.getState().noteProgress(event.data.task, event.data.done, event.data.total, event.data.failed);
      break;
  }
}
