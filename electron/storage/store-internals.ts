import type { Low } from 'lowdb';
import type { JournaledStoreFile } from './journal/journaled-file';
import type { StoreData } from '../shared/store/schema';
import type { StoreStatus } from '../shared/store/status';

/** What the store's helpers (conflict, save) work on: MetadataStore hands them this view of itself. */
export interface StoreInternals {
  readonly db: Low<StoreData>;
  readonly adapter: JournaledStoreFile;
  readonly now: () => Date;
  status: StoreStatus;
  requestSave(): Promise<void>;
}
