import type { StoreOptions } from '../../storage/metadata-store';
import type { MainEvents } from '../main-events';
import { topicsOf } from './data-topics';

/** The metadata store's callbacks that become events: its status, and what a read-only instance reloaded from another writer. */
export function storeEventOptions(events: MainEvents): Required<Pick<StoreOptions, 'onStatus' | 'onOutsideChange'>> {
  return {
    onStatus: (status) => events.emit({ type: 'storeStatus', data: status }),
    onOutsideChange: (collections) => events.emit({ type: 'dataChanged', data: { topics: topicsOf(collections), elsewhere: true } }),
  };
}
