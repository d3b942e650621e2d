import type { StateCreator } from 'zustand';
import type { AuthorizationSummary, BoundGroup } from '../../../electron/core/authorizations/types';
import { api, type IpcError, type Result } from '../api';
import type { ListStatus } from './access-keys-slice';
import { refreshProviderLists } from './api-groups-slice';
import type { AppState } from './types';

/** The dialog open on the Access Authorization page; in the store so a toast can open Bind. */
export type AuthorizationDialog =
  | { kind: 'create' }
  | { kind: 'edit' | 'bind' | 'delete'; id: string };

export interface AuthorizationsSlice {
  authorizations: AuthorizationSummary[];
  authorizationsStatus: ListStatus;
  authorizationsError: IpcError | null;
  authorizationQuery: string;
  authorizationDialog: AuthorizationDialog | null;
  /** The row to scroll to and mark (just created, or the one a duplicate points to). */
  highlightedAuthorizationId: string | null;
  setAuthorizationQuery(query: string): void;
  openAuthorizationDialog(dialog: AuthorizationDialog): void;
  closeAuthorizationDialog(): void;
  /** Shows the row: clears a search hiding it, closes any dialog, scrolls to it. */
  revealAuthorization(id: string): void;
  loadAuthorizations(options?: { quiet?: boolean }): Promise<void>;
  createAuthorization(callerKey: string, description: string): Promise<Result<AuthorizationSummary>>;
  updateAuthorization(id: string, description: string): Promise<Result<AuthorizationSummary>>;
  deleteAuthorization(id: string): Promise<Result<{ id: string }>>;
  /** `groupIds` is the full bound set, not a difference. */
  setAuthorizationBindings(id: string, groupIds: string[]): Promise<Result<AuthorizationSummary>>;
  /** The groups one of this app's access keys is authorized for (its details page keeps them). */
  fetchAccessKeyGrants(accessKeyId: string): Promise<Result<BoundGroup[]>>;
}

export const createAuthorizationsSlice: StateCreator<AppState, [], [], AuthorizationsSlice> = (set, get) => {
  let latestLoad = 0;
  const refreshOnMissing = async <T>(result: Result<T>) => {
    if (!result.ok && result.error.code === 'NOT_FOUND') await refreshProviderLists(get);
    return result;
  };

  return {
    authorizations: [],
    authorizationsStatus: 'idle',
    authorizationsError: null,
    authorizationQuery: '',
    authorizationDialog: null,
    highlightedAuthorizationId: null,
    setAuthorizationQuery: (authorizationQuery) => set({ authorizationQuery }),
    openAuthorizationDialog: (authorizationDialog) => set({ authorizationDialog: get().storeReadOnly() ? null : authorizationDialog }),
    closeAuthorizationDialog: () => set({ authorizationDialog: null }),
    revealAuthorization: (id) =>
      set({ authorizationDialog: null, authorizationQuery: '', highlightedAuthorizationId: id, screen: { name: 'authorizationList' } }),

    async loadAuthorizations({ quiet = false } = {}) {
      const request = ++latestLoad;
      if (!quiet) set({ authorizationsStatus: 'loading' });
      const result = await api.listAuthorizations();
      if (request !== latestLoad) return;
      if (result.ok) set({ authorizations: result.data, authorizationsStatus: 'ready', authorizationsError: null });
      else set({ authorizationsStatus: 'error', authorizationsError: result.error });
    },

    async createAuthorization(callerKey, description) {
      const result = await api.createAuthorization({ callerKey, description });
      if (result.ok) {
        await get().loadAuthorizations({ quiet: true });
        get().revealAuthorization(result.data.id);
        get().showToast(`Authorization created for ${result.data.callerKey}`, 'success', {
          label: 'Bind API groups',
          run: () => get().openAuthorizationDialog({ kind: 'bind', id: result.data.id }),
        });
      }
      return result;
    },

    async updateAuthorization(id, description) {
      const result = await api.updateAuthorization(id, description);
      if (result.ok) {
        await get().loadAuthorizations({ quiet: true });
        get().showToast('Authorization saved');
      }
      return refreshOnMissing(result);
    },

    async deleteAuthorization(id) {
      const callerKey = get().authorizations.find((a) => a.id === id)?.callerKey;
      const result = await api.deleteAuthorization(id);
      if (result.ok) {
        await refreshProviderLists(get);
        get().showToast(callerKey ? `Authorization for ${callerKey} deleted` : 'Authorization deleted');
      }
      return refreshOnMissing(result);
    },

    async setAuthorizationBindings(id, groupIds) {
      const result = await api.setAuthorizationBindings(id, groupIds);
      // Either way the group counts (or a vanished group) must show on both pages.
      if (result.ok || result.error.code === 'NOT_FOUND') await refreshProviderLists(get);
      if (result.ok) get().showToast(`Bindings saved for ${result.data.callerKey}`);
      return result;
    },

    fetchAccessKeyGrants: (accessKeyId) => api.listAccessKeyGrants(accessKeyId),
  };
};
