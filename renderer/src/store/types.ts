import type { AccessKeysSlice } from './access-keys-slice';
import type { ApiGroupsSlice } from './api-groups-slice';
import type { AuthorizationsSlice } from './authorizations-slice';
import type { DataSafetySlice } from './data-safety-slice';
import type { KeychainSlice } from './keychain-slice';
import type { KeyImportSlice } from './key-import-slice';
import type { NavigationSlice } from './navigation-slice';
import type { ProgressSlice } from './progress-slice';
import type { TestCallSlice } from './test-call-slice';
import type { ToastsSlice } from './toasts-slice';
import type { WelcomeSlice } from './welcome-slice';

export type AppState = NavigationSlice & ProgressSlice & AccessKeysSlice & ApiGroupsSlice & AuthorizationsSlice & DataSafetySlice & KeychainSlice & KeyImportSlice & TestCallSlice & ToastsSlice & WelcomeSlice;
