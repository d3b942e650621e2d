import type { StateCreator } from 'zustand';
import type { AppState } from './types';

export type SortDirection = 'asc' | 'desc';

/** How the Access Key list is filtered and ordered; kept here so it survives a visit to details. */
export interface ListViewSlice {
  query: string;
  sortDirection: SortDirection;
  setQuery(query: string): void;
  toggleSortDirection(): void;
}

export const createListViewSlice: StateCreator<AppState, [], [], ListViewSlice> = (set, get) => ({
  query: '',
  sortDirection: 'desc',
  setQuery: (query) => set({ query }),
  toggleSortDirection: () => set({ sortDirection: get().sortDirection === 'desc' ? 'asc' : 'desc' }),
});
