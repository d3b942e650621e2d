import type { AccessKeysSlice } from './access-keys-slice';
import type { AppStatusSlice } from './app-status-slice';
import type { KeychainSlice } from './keychain-slice';
import type { ListViewSlice } from './list-view-slice';
import type { NavigationSlice } from './navigation-slice';
import type { ToastsSlice } from './toasts-slice';

export type AppState = NavigationSlice & AccessKeysSlice & AppStatusSlice & KeychainSlice & ListViewSlice & ToastsSlice;
