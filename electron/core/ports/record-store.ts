import type { StoreData } from '../../shared/store/schema';
import type { StoreStatus } from '../../shared/store/status';
import type { IndexName, Indexes } from '../store-indexes';

/**
 * What the domain services need of the metadata store. Core declares it and
 * storage implements it (MetadataStore), so core never imports storage.
 */
export interface RecordStore {
  /** Whether the data file is readable and writable now (unsaved changes, a conflict, read-only). */
  readonly status: StoreStatus;
  /** The current data; throws STORE_UNREADABLE when the file could not be read. Change it only through `update`. */
  read(): Readonly<StoreData>;
  /** An index over the current data (by ID, APIKey, name...). */
  index<N extends IndexName>(name: N): Indexes[N];
  /** Applies `change` to a draft and saves; if `change` throws, nothing changes. Updates run one at a time. */
  update<T>(change: (draft: StoreData) => T): Promise<T>;
}
