import type { StateCreator } from 'zustand';
import { storeReadOnly } from '../queries/app';
import type { AppState } from './types';

export type SortDirection = 'asc' | 'desc';

/**
 * The Access Key pages' UI state. The keys themselves are server state, in the
 * query cache (queries/access-keys.ts); search and order live here so they
 * survive a visit to a key's details.
 */
export interface AccessKeysSlice {
  accessKeyQuery: string;
  accessKeySort: SortDirection;
  /** The Create Access Key dialog (toolbar, empty state, Ctrl/Cmd+N, the welcome's caller path). */
  createDialogOpen: boolean;
  setAccessKeyQuery(query: string): void;
  toggleAccessKeySort(): void;
  openCreateDialog(): void;
  closeCreateDialog(): void;
}

export const createAccessKeysSlice: StateCreator<AppState, [], [], AccessKeysSlice> = (set, get) => ({
  accessKeyQuery: '',
  accessKeySort: 'desc',
  createDialogOpen: false,
  setAccessKeyQuery: (accessKeyQuery) => set({ accessKeyQuery }),
  toggleAccessKeySort: () => set({ accessKeySort: get().accessKeySort === 'desc' ? 'asc' : 'desc' }),
  // A read-only store cannot take new keys: the dialog would only fail.
  openCreateDialog: () => set({ createDialogOpen: !storeReadOnly() }),
  closeCreateDialog: () => set({ createDialogOpen: false }),
});
