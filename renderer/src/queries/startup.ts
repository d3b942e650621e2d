import type { QueryClient } from '@tanstack/react-query';
import { firstAccessKeyPage } from './access-keys';
import { appStatusQuery } from './app';
import { recheckKeychain } from './keychain';

/** Startup: status, then the list's first window; the keychain's state and check follow without blocking. */
export async function startApp(queries: QueryClient): Promise<void> {
  // prefetchQuery never throws: a failure is the query's error state, shown where it is used.
  await queries.prefetchQuery(appStatusQuery);
  await queries.prefetchQuery(firstAccessKeyPage);
  // Reconciling walks the whole keychain and may be slow, and a locked keychain must not keep
  // anything from showing: never make the list wait for it.
  void recheckKeychain();
}
