import { COLLECTIONS, type Collection, type StoreData } from './schema';

/*
 * What differs between two versions of the store, by collection and ID, with
 * names a person recognises. Pure: used to say what a reload drops and what
 * restoring a backup discards, before the user confirms either.
 */

export { COLLECTIONS, type Collection } from './schema';
export type StoreCollections = Pick<StoreData, Collection>;

/** Lists longer than this are cut (the count stays exact): the status travels to the window in every storeStatus event. */
export const LIST_LIMIT = 50;

export interface ChangedRecord {
  id: string;
  name: string;
}
export interface ChangeList {
  count: number;
  /** The first LIST_LIMIT of them. */
  items: ChangedRecord[];
}
export interface CollectionChanges {
  created: ChangeList;
  edited: ChangeList;
  deleted: ChangeList;
}
export type StoreChanges = { [C in Collection]: CollectionChanges } & { total: number };

interface Labelled {
  id: string;
  name: string;
  record: object;
}

/** Every record of every collection, keyed by ID (a binding by its pair), named from either version. */
function labelled(data: StoreCollections, other: StoreCollections): { [C in Collection]: Map<string, Labelled> } {
  const groupNames = new Map([...other.apiGroups, ...data.apiGroups].map((g) => [g.id, g.name]));
  const callers = new Map([...other.authorizations, ...data.authorizations].map((a) => [a.id, a.callerKey]));
  const groupName = (id: string) => groupNames.get(id) ?? id;
  const callerOf = (id: string) => callers.get(id) ?? id;
  const map = <T extends object>(items: readonly T[], label: (item: T) => ChangedRecord) =>
    new Map(items.map((item) => {
      const { id, name } = label(item);
      return [id, { id, name, record: item }];
    }));
  return {
    accessKeys: map(data.accessKeys, (k) => ({ id: k.id, name: k.name })),
    apiGroups: map(data.apiGroups, (g) => ({ id: g.id, name: g.name })),
    authorizations: map(data.authorizations, (a) => ({ id: a.id, name: a.description ? `${a.callerKey} (${a.description})` : a.callerKey })),
    bindings: map(data.bindings, (b) => ({ id: `${b.authorizationId}/${b.groupId}`, name: `${callerOf(b.authorizationId)} → ${groupName(b.groupId)}` })),
  };
}

const emptyList = (): ChangeList => ({ count: 0, items: [] });
function add(list: ChangeList, { id, name }: Labelled): void {
  list.count += 1;
  if (list.items.length < LIST_LIMIT) list.items.push({ id, name });
}

/** Records only in `to` are created, only in `from` deleted, in both but different edited. */
export function diffStores(from: StoreCollections, to: StoreCollections): StoreChanges {
  const before = labelled(from, to);
  const after = labelled(to, from);
  const changes = { total: 0 } as StoreChanges;
  for (const collection of COLLECTIONS) {
    const result: CollectionChanges = { created: emptyList(), edited: emptyList(), deleted: emptyList() };
    for (const [id, now] of after[collection]) {
      const was = before[collection].get(id);
      if (!was) add(result.created, now);
      // Records are replaced, never mutated: the same object is the same record, cheaply.
      else if (was.record !== now.record && JSON.stringify(was.record) !== JSON.stringify(now.record)) add(result.edited, now);
    }
    for (const [id, was] of before[collection]) if (!after[collection].has(id)) add(result.deleted, was);
    changes[collection] = result;
    changes.total += result.created.count + result.edited.count + result.deleted.count;
  }
  return changes;
}

/** Access keys in `from` whose records `to` no longer has: their APISecrets stay in the keychain, as orphan entries. */
export function droppedAccessKeys(from: StoreCollections, to: StoreCollections): Array<{ id: string; name: string; apiKey: string }> {
  const kept = new Set(to.accessKeys.map((k) => k.id));
  return from.accessKeys.filter((k) => !kept.has(k.id)).map(({ id, name, apiKey }) => ({ id, name, apiKey }));
}
