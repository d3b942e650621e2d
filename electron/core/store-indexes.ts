import type { StoreData } from '../shared/store/schema';

type AccessKey = StoreData['accessKeys'][number];
type ApiGroup = StoreData['apiGroups'][number];
type Authorization = StoreData['authorizations'][number];
type Binding = StoreData['bindings'][number];

const byKey = <T,>(items: readonly T[], key: (item: T) => string) => new Map(items.map((item) => [key(item), item]));

function grouped<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(key(item));
    if (list) list.push(item);
    else map.set(key(item), [item]);
  }
  return map;
}

const builders = {
  accessKeyById: (data: StoreData) => byKey(data.accessKeys, (key) => key.id),
  accessKeyByApiKey: (data: StoreData) => byKey(data.accessKeys, (key) => key.apiKey),
  accessKeyByName: (data: StoreData) => byKey(data.accessKeys, (key) => key.name.toLowerCase()),
  groupById: (data: StoreData) => byKey(data.apiGroups, (group) => group.id),
  groupByName: (data: StoreData) => byKey(data.apiGroups, (group) => group.name.toLowerCase()),
  authorizationById: (data: StoreData) => byKey(data.authorizations, (authorization) => authorization.id),
  authorizationByCallerKey: (data: StoreData) => byKey(data.authorizations, (authorization) => authorization.callerKey),
  authorizationByAccessKeyId: (data: StoreData) => new Map(data.authorizations.flatMap((a) => (a.accessKeyId ? [[a.accessKeyId, a] as const] : []))),
  bindingsByAuthorization: (data: StoreData) => grouped(data.bindings, (binding) => binding.authorizationId),
  bindingsByGroup: (data: StoreData) => grouped(data.bindings, (binding) => binding.groupId),
} satisfies Record<string, (data: StoreData) => Map<string, unknown>>;

export type IndexName = keyof typeof builders;
export interface Indexes {
  accessKeyById: Map<string, AccessKey>;
  accessKeyByApiKey: Map<string, AccessKey>;
  /** Lower-cased names. */
  accessKeyByName: Map<string, AccessKey>;
  groupById: Map<string, ApiGroup>;
  /** Lower-cased names. */
  groupByName: Map<string, ApiGroup>;
  authorizationById: Map<string, Authorization>;
  authorizationByCallerKey: Map<string, Authorization>;
  /** The second identifier of authorizations that were handed over with both (key files). */
  authorizationByAccessKeyId: Map<string, Authorization>;
  bindingsByAuthorization: Map<string, Binding[]>;
  bindingsByGroup: Map<string, Binding[]>;
}

/**
 * Lookups by ID, APIKey and name without linear scans: each index is built on
 * first use after a change and kept until the next change.
 */
export class IndexCache {
  private built = new Map<IndexName, Map<string, unknown>>();
  private source: StoreData | undefined;

  get<N extends IndexName>(data: StoreData, name: N): Indexes[N] {
    if (this.source !== data) {
      this.built.clear();
      this.source = data;
    }
    let index = this.built.get(name);
    if (!index) {
      index = builders[name](data);
      this.built.set(name, index);
    }
    return index as Indexes[N];
  }
}
