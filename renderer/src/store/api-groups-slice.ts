import type { StateCreator } from 'zustand';
import type { ApiGroupSummary } from '../../../electron/core/api-groups/types';
import { api, type IpcError, type Result } from '../api';
import type { ListStatus } from './access-keys-slice';
import type { AppState } from './types';

export type ApiGroupInput = { name: string; description: string; region: string; environment: string; host: string };

export interface ApiGroupsSlice {
  apiGroups: ApiGroupSummary[];
  apiGroupsStatus: ListStatus;
  apiGroupsError: IpcError | null;
  apiGroupQuery: string;
  setApiGroupQuery(query: string): void;
  /** `quiet` keeps the current rows on screen while refreshing in the background. */
  loadApiGroups(options?: { quiet?: boolean }): Promise<void>;
  createApiGroup(fields: ApiGroupInput): Promise<Result<ApiGroupSummary>>;
  updateApiGroup(id: string, fields: ApiGroupInput): Promise<Result<ApiGroupSummary>>;
  deleteApiGroup(id: string): Promise<Result<{ id: string; unboundAuthorizations: number }>>;
}

/** Both lists after a change that touches bindings: counts on one side, names on the other. */
export const refreshProviderLists = (get: () => AppState): Promise<unknown> =>
  Promise.all([get().loadApiGroups({ quiet: true }), get().loadAuthorizations({ quiet: true })]);

export const createApiGroupsSlice: StateCreator<AppState, [], [], ApiGroupsSlice> = (set, get) => {
  // Only the newest list request may write: an older, slower answer must not overwrite it.
  let latestLoad = 0;

  return {
    apiGroups: [],
    apiGroupsStatus: 'idle',
    apiGroupsError: null,
    apiGroupQuery: '',
    setApiGroupQuery: (apiGroupQuery) => set({ apiGroupQuery }),

    async loadApiGroups({ quiet = false } = {}) {
      const request = ++latestLoad;
      if (!quiet) set({ apiGroupsStatus: 'loading' });
      const result = await api.listApiGroups();
      if (request !== latestLoad) return;
      if (result.ok) set({ apiGroups: result.data, apiGroupsStatus: 'ready', apiGroupsError: null });
      else set({ apiGroupsStatus: 'error', apiGroupsError: result.error });
    },

    async createApiGroup(fields) {
      const result = await api.createApiGroup(fields as Parameters<typeof api.createApiGroup>[0]);
      if (result.ok) {
        await get().loadApiGroups({ quiet: true });
        get().showToast(`API group "${result.data.name}" created`);
      }
      return result;
    },

    async updateApiGroup(id, fields) {
      const result = await api.updateApiGroup(id, fields as Parameters<typeof api.updateApiGroup>[1]);
      if (result.ok) get().showToast(`API group "${result.data.name}" saved`);
      // Authorizations show group names, so a rename (or a group gone meanwhile) reaches both lists.
      if (result.ok || result.error.code === 'NOT_FOUND') await refreshProviderLists(get);
      return result;
    },

    async deleteApiGroup(id) {
      const name = get().apiGroups.find((g) => g.id === id)?.name;
      const result = await api.deleteApiGroup(id);
      if (result.ok) get().showToast(name ? `API group "${name}" deleted` : 'API group deleted');
      if (result.ok || result.error.code === 'NOT_FOUND') await refreshProviderLists(get);
      return result;
    },
  };
};
