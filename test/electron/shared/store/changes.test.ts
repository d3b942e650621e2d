import { describe, expect, it } from 'vitest';
import { diffStores, droppedAccessKeys, LIST_LIMIT } from '../../../../electron/shared/store/changes';
import { emptyStore, type StoreData } from '../../../../electron/shared/store/schema';
import { key } from '../../../support/store-records';

const at = '2026-11-29T10:00:00.000Z';

const group = (id: string, name: string) => ({ id, name, description: '', region: 'eu', environment: 'test' as const, host: 'api.example.com', createdAt: at, updatedAt: at });
const authorization = (id: string, callerKey: string, description = '') => ({ id, callerKey, callerKeyKind: 'apiKey' as const, callerType: 'apiCaller' as const, description, createdAt: at, updatedAt: at });
const store = (parts: Partial<StoreData>): StoreData => ({ ...emptyStore(), ...parts });

describe('diffStores', () => {
  it('names what was created, edited and deleted in each collection, by ID', () => {
    const saved = store({
      accessKeys: [key(1), key(2), key(3)],
      apiGroups: [group('g00000000001', 'Payments')],
      authorizations: [authorization('a00000000001', 'A'.repeat(32), 'partner')],
      bindings: [{ authorizationId: 'a00000000001', groupId: 'g00000000001', boundAt: at }],
    });
    const draft = store({
      accessKeys: [saved.accessKeys[0]!, { ...key(2), name: 'renamed' }, key(4)],
      apiGroups: [...saved.apiGroups, group('g00000000002', 'Orders')],
      authorizations: saved.authorizations,
      bindings: [{ authorizationId: 'a00000000001', groupId: 'g00000000002', boundAt: at }],
    });
    const changes = diffStores(saved, draft);
    expect(changes.accessKeys).toEqual({
      created: { count: 1, items: [{ id: key(4).id, name: 'key-4' }] },
      edited: { count: 1, items: [{ id: key(2).id, name: 'renamed' }] },
      deleted: { count: 1, items: [{ id: key(3).id, name: 'key-3' }] },
    });
    expect(changes.apiGroups.created.items).toEqual([{ id: 'g00000000002', name: 'Orders' }]);
    expect(changes.authorizations.created.count + changes.authorizations.edited.count + changes.authorizations.deleted.count).toBe(0);
    // A binding is named by its authorization's caller and its group, from whichever side still has them.
    expect(changes.bindings.created.items).toEqual([{ id: 'a00000000001/g00000000002', name: `${'A'.repeat(32)} → Orders` }]);
    expect(changes.bindings.deleted.items).toEqual([{ id: 'a00000000001/g00000000001', name: `${'A'.repeat(32)} → Payments` }]);
    expect(changes.total).toBe(3 + 1 + 2);
  });

  it('sees an equal copy as no change, and nothing at all between identical stores', () => {
    const saved = store({ accessKeys: [key(1)] });
    expect(diffStores(saved, store({ accessKeys: [{ ...key(1) }] })).total).toBe(0);
    expect(diffStores(saved, saved).total).toBe(0);
  });

  it('keeps exact counts but cuts long lists', () => {
    const many = store({ accessKeys: Array.from({ length: LIST_LIMIT + 25 }, (_, n) => key(n + 1)) });
    const changes = diffStores(emptyStore(), many);
    expect(changes.accessKeys.created.count).toBe(LIST_LIMIT + 25);
    expect(changes.accessKeys.created.items).toHaveLength(LIST_LIMIT);
  });
});

describe('droppedAccessKeys', () => {
  it('lists the keys the other version lacks, with the APIKey needed to adopt their keychain entries', () => {
    expect(droppedAccessKeys(store({ accessKeys: [key(1), key(2)] }), store({ accessKeys: [key(2)] }))).toEqual([
      { id: key(1).id, name: 'key-1', apiKey: key(1).apiKey },
    ]);
  });
});
