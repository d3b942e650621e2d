import type { StateCreator } from 'zustand';
import type { Output } from '../../../electron/ipc/contract';
import type { AppState } from './types';

/**
 * What is left to do after the data file was reloaded from disk. The store's
 * status and the calls that fix it are server state and mutations (queries/app.ts, queries/data-safety.ts).
 */
export interface DataSafetySlice {
  /** Access keys a reload dropped the records of; their APISecrets are still in the keychain, to adopt from Health. */
  keysToAdopt: Output<'store.resolveConflict'>['keysToAdopt'];
  showKeysToAdopt(keys: DataSafetySlice['keysToAdopt']): void;
  dismissKeysToAdopt(): void;
}

export const createDataSafetySlice: StateCreator<AppState, [], [], DataSafetySlice> = (set) => ({
  keysToAdopt: [],
  showKeysToAdopt: (keysToAdopt) => set({ keysToAdopt }),
  dismissKeysToAdopt: () => set({ keysToAdopt: [] }),
});
