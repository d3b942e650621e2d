import type { StateCreator } from 'zustand';
import type { AppState } from './types';

/** Every screen the app can show. A new section adds its screens here and an entry in `sections`. */
export type Screen =
  | { name: 'accessKeyList' }
  | { name: 'accessKeyDetails'; id: string }
  | { name: 'authorizationList' }
  | { name: 'apiGroupList' }
  | { name: 'testCall' }
  | { name: 'jdcloud' }
  | { name: 'health' };

export type SectionId = 'accessKeys' | 'authorizations' | 'apiGroups' | 'testCall' | 'jdcloud' | 'health';

export const sections: ReadonlyArray<{ id: SectionId; label: string; home: Screen }> = [
  { id: 'accessKeys', label: 'Access Key', home: { name: 'accessKeyList' } },
  { id: 'authorizations', label: 'Access Authorization', home: { name: 'authorizationList' } },
  { id: 'apiGroups', label: 'API Groups', home: { name: 'apiGroupList' } },
  { id: 'testCall', label: 'Test Call', home: { name: 'testCall' } },
  // The gateway that enforces the provider's authorizations: connect, pull, plan, apply.
  { id: 'jdcloud', label: 'JD Cloud', home: { name: 'jdcloud' } },
  // Last: reconciliation findings between the store and the OS keychain.
  { id: 'health', label: 'Health', home: { name: 'health' } },
];

export const sectionOf = (screen: Screen): SectionId => {
  switch (screen.name) {
    case 'accessKeyList':
    case 'accessKeyDetails':
      return 'accessKeys';
    case 'authorizationList':
      return 'authorizations';
    case 'apiGroupList':
      return 'apiGroups';
    case 'testCall':
      return 'testCall';
    case 'jdcloud':
      return 'jdcloud';
    case 'health':
      return 'health';
  }
};

/** Which screen shows; the one piece of UI state every feature may set. */
export interface NavigationSlice {
  screen: Screen;
  navigate(screen: Screen): void;
  openAccessKeyList(): void;
  openAccessKeyDetails(id: string): void;
}

export const createNavigationSlice: StateCreator<AppState, [], [], NavigationSlice> = (set) => ({
  screen: { name: 'accessKeyList' },
  navigate: (screen) => set({ screen }),
  openAccessKeyList: () => set({ screen: { name: 'accessKeyList' } }),
  openAccessKeyDetails: (id) => set({ screen: { name: 'accessKeyDetails', id } }),
});
