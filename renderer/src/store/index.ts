import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
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

/** The list as shown: filtered by the search box and sorted; shallow-compared so rows re-render only on change. */
export const useVisibleAccessKeys = () =>
  useAppStore(useShallow((s) => visibleAccessKeys(s.accessKeys, s.query, s.sortDirection)));

export const useAccessKey = (id: string) => useAppStore((s) => s.accessKeys.find((k) => k.id === id));

/** The API Groups page's rows: filtered by its search, newest first. */
export const useVisibleApiGroups = () => useAppStore(useShallow((s) => visibleApiGroups(s.apiGroups, s.apiGroupQuery)));

/** The Access Authorization page's rows: filtered by its search, newest first. */
export const useVisibleAuthorizations = () =>
  useAppStore(useShallow((s) => visibleAuthorizations(s.authorizations, s.authorizationQuery)));

export const useAuthorization = (id: string) => useAppStore((s) => s.authorizations.find((a) => a.id === id));
