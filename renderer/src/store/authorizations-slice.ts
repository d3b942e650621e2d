import type { StateCreator } from 'zustand';
import { storeReadOnly } from '../queries/app';
import type { AppState } from './types';

/** The dialog open on the Access Authorization page; in the store so a toast can open Bind. */
export type AuthorizationDialog =
  | { kind: 'create' }
  | { kind: 'edit' | 'bind' | 'delete'; id: string };

/** The Access Authorization page's UI state. The authorizations are server state, in the query cache (queries/authorizations.ts). */
export interface AuthorizationsSlice {
  authorizationQuery: string;
  authorizationDialog: AuthorizationDialog | null;
  /** The row to scroll to and mark (just created, or the one a duplicate points to). */
  highlightedAuthorizationId: string | null;
  setAuthorizationQuery(query: string): void;
  /** Not over a read-only store: the dialog would only fail. */
  openAuthorizationDialog(dialog: AuthorizationDialog): void;
  closeAuthorizationDialog(): void;
  /** Shows the row: clears a search hiding it, closes any dialog, scrolls to it. */
  revealAuthorization(id: string): void;
}

export const createAuthorizationsSlice: StateCreator<AppState, [], [], AuthorizationsSlice> = (set) => ({
  authorizationQuery: '',
  authorizationDialog: null,
  highlightedAuthorizationId: null,
  setAuthorizationQuery: (authorizationQuery) => set({ authorizationQuery }),
  openAuthorizationDialog: (authorizationDialog) => set({ authorizationDialog: storeReadOnly() ? null : authorizationDialog }),
  closeAuthorizationDialog: () => set({ authorizationDialog: null }),
  revealAuthorization: (id) =>
    set({ authorizationDialog: null, authorizationQuery: '', highlightedAuthorizationId: id, screen: { name: 'authorizationList' } }),
});
