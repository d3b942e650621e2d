import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type { AppStatus } from '../../../electron/ipc/contract';
import type { StoreStatus } from '../../../electron/shared/store/status';
import { client } from '../api';
import { queryKeys } from './keys';
import { useResultMutation } from './mutation';
import { queryClient } from './query-client';
import { unwrap } from './unwrap';

/**
 * What main says about the app: fetched at start, its store part then kept
 * current by main's `storeStatus` events (see setStoreStatus).
 */
export const appStatusQuery = queryOptions({
  queryKey: queryKeys.app.status,
  queryFn: async (): Promise<AppStatus> => unwrap(await client.app.getStatus({})),
});

export const useAppStatus = (): AppStatus | undefined => useQuery(appStatusQuery).data;

export const useStoreStatus = (): StoreStatus | undefined => useQuery({ ...appStatusQuery, select: (status) => status.store }).data;

/** main's `storeStatus` event: the store part, in place (nothing before the first answer: that one is newer). */
export function setStoreStatus(queries: QueryClient, store: StoreStatus): void {
  queries.setQueryData(appStatusQuery.queryKey, (status) => status && { ...status, store });
}

// Anything but 'ok' (damaged file, another Gatekey writing, a conflict) means no writes.
const readOnlyOf = (status: AppStatus | undefined): boolean => (status ? status.store.state !== 'ok' : false);

/** True when Gatekey will not write its data file: then it only shows, and offers no change. */
export const useStoreReadOnly = (): boolean => useQuery({ ...appStatusQuery, select: readOnlyOf }).data ?? false;

/** The same, for actions outside React (a dialog that would only fail is never opened). */
export const storeReadOnly = (): boolean => readOnlyOf(queryClient.getQueryData(appStatusQuery.queryKey));

/** Versions, licence and data folder for About; they never change while the app runs. */
export const useAboutInfo = () => useQuery({ queryKey: queryKeys.app.about, queryFn: async () => unwrap(await client.app.getAbout({})) });

/** Tries the keychain with a throwaway entry (the welcome); a failure says what to install or unlock. */
export const useKeychainProbe = (enabled: boolean) =>
  useQuery({ queryKey: queryKeys.app.keychainProbe, queryFn: async () => unwrap(await client.keychain.check({})), enabled });

/** Opens the data folder in the system's file manager. */
export const useShowDataFolder = () => useResultMutation((_: void) => client.app.showDataFolder({}));
