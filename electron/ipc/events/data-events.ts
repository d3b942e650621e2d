import type { RecordStore } from '../../core/ports/record-store';
import { STORE_PARTS, type StoreData, type StorePart } from '../../shared/store/schema';
import type { Method } from '../contract';
import type { FlatHandlers } from '../dispatch';
import type { MainEvents } from '../main-events';
import { topicsOf } from './data-topics';

/** The data as it is now; undefined while the file cannot be read. */
function current(store: RecordStore): Readonly<StoreData> | undefined {
  try {
    return store.read();
  } catch {
    return undefined;
  }
}

/** The store replaces a collection it changes and never mutates one it handed out: a new array is a change. */
function changedBetween(before: Readonly<StoreData> | undefined, after: Readonly<StoreData> | undefined): StorePart[] {
  if (!after) return [];
  if (!before) return [...STORE_PARTS];
  return STORE_PARTS.filter((name) => before[name] !== after[name]);
}

/**
 * Wraps every channel, not only those the contract declares as writing: a
 * channel wrongly declared as reading must still announce what it changed.
 * When a call changed records (done or failed halfway), the window hears
 * `dataChanged` with the topics to ask again for, before the reply. Calls that
 * overlap may each name the other's topics too; no change goes unreported.
 */
export function withDataEvents(handlers: FlatHandlers, store: RecordStore, events: MainEvents): FlatHandlers {
  const wrapped: Record<string, unknown> = { ...handlers };
  for (const [method, handler] of Object.entries(handlers) as Array<[Method, (input: unknown) => unknown]>) {
    wrapped[method] = async (input: unknown) => {
      const before = current(store);
      try {
        return await handler(input);
      } finally {
        const topics = topicsOf(changedBetween(before, current(store)));
        if (topics.length > 0) events.emit({ type: 'dataChanged', data: { topics, elsewhere: false } });
      }
    };
  }
  return wrapped as FlatHandlers;
}
