import { useDeferredValue, useMemo } from 'react';
import { create } from 'zustand';
import { createAccessKeysSlice } from './access-keys-slice';
import { createApiGroupsSlice } from './api-groups-slice';
import { createAuthorizationsSlice } from './authorizations-slice';
import { createAppStatusSlice } from './app-status-slice';
import { createDataSafetySlice } from './data-safety-slice';
import { createKeychainSlice } from './keychain-slice';
import { createKeyImportSlice } from './key-import-slice';
import { createListViewSlice } from './list-view-slice';
import { createNavigationSlice } from './navigation-slice';
import { createTestCallSlice } from './test-call-slice';
import { createToastsSlice } from './toasts-slice';
import type { AppState } from './types';
import { createWelcomeSlice } from './welcome-slice';
import { visibleAccessKeys } from './visible-access-keys';
import { visibleApiGroups, visibleAuthorizations } from './visible-provider-lists';

export type { AppState };
export type { Screen } from './navigation-slice';

export const useAppStore = create<AppState>()((...a) => ({
  ...createNavigationSlice(...a),
  ...createAccessKeysSlice(...a),
  ...createApiGroupsSlice(...a),
  ...createAuthorizationsSlice(...a),
  ...createAppStatusSlice(...a),
  ...createDataSafetySlice(...a),
  ...createKeychainSlice(...a),
  ...createKeyImportSlice(...a),
  ...createListViewSlice(...a),
  ...createTestCallSlice(...a),
  ...createToastsSlice(...a),
  ...createWelcomeSlice(...a),
}));

/** Back to the state the app starts with (tests; a future "reload"). */
export const resetAppStore = (): void => useAppStore.setState(useAppStore.getInitialState(), true);

// A search is one pass of `includes` over keys made once per list (list-search.ts): about 1 ms for
// 100,000 rows here. Lists up to 20,000 rows filter in the keystroke's own frame; longer ones in a
// deferred render, so the search box repaints first even on a slower machine, at the price of a frame.
const DEFER_SEARCH_ABOVE = 20_000;

function useSearchFor(query: string, rows: number): string {
  const deferred = useDeferredValue(query);
  return rows > DEFER_SEARCH_ABOVE ? deferred : query;
}

/** The list as shown: filtered by the search box and sorted; the same array until list, search or order change. */
export function useVisibleAccessKeys() {
  const keys = useAppStore((s) => s.accessKeys);
  const query = useSearchFor(useAppStore((s) => s.query), keys.length);
  const direction = useAppStore((s) => s.sortDirection);
  return useMemo(() => visibleAccessKeys(keys, query, direction), [keys, query, direction]);
}

export const useAccessKey = (id: string) => useAppStore((s) => s.accessKeys.find((k) => k.id === id));

/** The API Groups page's rows: filtered by its search, newest first. */
export function useVisibleApiGroups() {
  const groups = useAppStore((s) => s.apiGroups);
  const query = useSearchFor(useAppStore((s) => s.apiGroupQuery), groups.length);
  return useMemo(() => visibleApiGroups(groups, query), [groups, query]);
}

/** The Access Authorization page's rows: filtered by its search, newest first. */
export function useVisibleAuthorizations() {
  const authorizations = useAppStore((s) => s.authorizations);
  const query = useSearchFor(useAppStore((s) => s.authorizationQuery), authorizations.length);
  return useMemo(() => visibleAuthorizations(authorizations, query), [authorizations, query]);
}

export const useAuthorization = (id: string) => useAppStore((s) => s.authorizations.find((a) => a.id === id));
