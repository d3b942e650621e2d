import type { StateCreator } from 'zustand';
import type { AppState } from './types';

/** The API Groups page's UI state. The groups are server state, in the query cache (queries/api-groups.ts). */
export interface ApiGroupsSlice {
  /** The page's search; kept while the user visits other pages. */
  apiGroupQuery: string;
  setApiGroupQuery(query: string): void;
}

export const createApiGroupsSlice: StateCreator<AppState, [], [], ApiGroupsSlice> = (set) => ({
  apiGroupQuery: '',
  setApiGroupQuery: (apiGroupQuery) => set({ apiGroupQuery }),
});
