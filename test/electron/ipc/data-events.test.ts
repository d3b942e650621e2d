import { describe, expect, it } from 'vitest';
import { channelDefinition, methods, type MainEvent } from '../../../electron/ipc/contract';
import type { FlatHandlers } from '../../../electron/ipc/dispatch';
import { withDataEvents } from '../../../electron/ipc/events/data-events';
import { createMainEvents } from '../../../electron/ipc/main-events';
import type { RecordStore } from '../../../electron/core/ports/record-store';
import { emptyStore, type StoreData } from '../../../electron/shared/store/schema';
import { key } from '../../support/store-records';

// withDataEvents alone, over a store that replaces a collection it changes, as
// MetadataStore does (events.test.ts covers the real backend).

function fakeStore() {
  let data: StoreData = emptyStore();
  const store = {
    read: () => data,
    /** What a handler does through update: a new array for the changed collection. */
    addKey: (n: number) => {
      data = { ...data, accessKeys: [...data.accessKeys, key(n)] };
    },
  };
  return { store, asRecordStore: store as unknown as RecordStore };
}

/** Every method answers `done`; the given ones run `body` first. */
function handlersWith(body: Partial<Record<string, () => void>>): FlatHandlers {
  return Object.fromEntries(
    methods.map((method) => [method, async () => {
      body[method]?.();
      return 'done';
    }]),
  ) as unknown as FlatHandlers;
}

function wrap(body: Partial<Record<string, () => void>>) {
  const { store, asRecordStore } = fakeStore();
  const events = createMainEvents();
  const log: MainEvent[] = [];
  events.subscribe((event) => log.push(event));
  const handlers = withDataEvents(handlersWith(body), asRecordStore, events) as unknown as Record<string, (input: unknown) => Promise<unknown>>;
  return { store, log, handlers };
}

describe('withDataEvents', () => {
  it('announces a change made by a channel declared as reading', async () => {
    expect(channelDefinition('accessKeys.query')?.writes).toBe(false);
    const { store, log, handlers } = wrap({ 'accessKeys.query': () => store.addKey(1) });
    await expect(handlers['accessKeys.query']!({})).resolves.toBe('done');
    expect(log).toEqual([{ type: 'dataChanged', data: { topics: ['accessKeys', 'authorizations'], elsewhere: false } }]);
  });

  it('announces a change made before a writing call failed', async () => {
    const { store, log, handlers } = wrap({
      'accessKeys.create': () => {
        store.addKey(2);
        throw new Error('failed halfway');
      },
    });
    await expect(handlers['accessKeys.create']!({})).rejects.toThrow('failed halfway');
    expect(log).toEqual([{ type: 'dataChanged', data: { topics: ['accessKeys', 'authorizations'], elsewhere: false } }]);
  });

  it('says nothing when no channel changed anything', async () => {
    const { log, handlers } = wrap({});
    for (const method of methods) await handlers[method]!({});
    expect(log).toEqual([]);
  });
});
