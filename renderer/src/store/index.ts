import { create } from 'zustand';
import { createAccessKeysSlice } from './access-keys-slice';
import { createApiGroupsSlice } from './api-groups-slice';
import { createAuthorizationsSlice } from './authorizations-slice';
import { createDataSafetySlice } from './data-safety-slice';
import { createKeychainSlice } from './keychain-slice';
import { createKeyImportSlice } from './key-import-slice';
import { createNavigationSlice } from './navigation-slice';
import { createProgressSlice } from './progress-slice';
import { createTestCallSlice } from './test-call-slice';
import { createToastsSlice } from './toasts-slice';
import type { AppState } from './types';
import { createWelcomeSlice } from './welcome-slice';

export type { AppState };
export type { Screen } from './navigation-slice';

export const useAppStore = create<AppState>()((...a) => ({
  ...createNavigationSlice(...a),
  ...createProgressSlice(...a),
  ...createAccessKeysSlice(...a),
  ...createApiGroupsSlice(...a),
  ...createAuthorizationsSlice(...a),
  ...createDataSafetySlice(...a),
  ...createKeychainSlice(...a),
  ...createKeyImportSlice(...a),
  ...createTestCallSlice(...a),
  ...createToastsSlice(...a),
  ...createWelcomeSlice(...a),
}));

/** Back to the state the app starts with (tests; a future "reload"). */
export const resetAppStore = (): void => useAppStore.setState(useAppStore.getInitialState(), true);
