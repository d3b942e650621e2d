import { AppError } from '../../shared/errors';
import { unusedId } from '../ids';
import { groupGone } from '../api-groups/service';
import { fingerprintOf } from '../key-files/fingerprint';
import type { RecordStore } from '../ports/record-store';
import type { StoreData } from '../../shared/store/schema';
import type { CallerKey } from '../../shared/authorizations/rules';
import type { AuthorizationRecord, AuthorizationSummary, BindingRecord, BoundGroup } from '../../shared/authorizations/types';
import type { ListPosition, ListWindow } from '../../shared/lists/window';
import { createAuthorizationList } from './list-window';

const authorizationGone = () =>
  new AppError('NOT_FOUND', 'This authorization no longer exists. It may have been deleted in another window; the list has been refreshed.', { reason: 'authorizationGone' });

/**
 * Access authorizations (one per caller's access key) and their bindings to
 * API groups. Every change is one store update: it is validated against the
 * data as it is at that moment, and nothing is written if any part fails.
 */
export function createAuthorizationService({ store, now = () => new Date() }: { store: RecordStore; now?: () => Date }) {
  /** Every identifier that names the same access key: both of them when the key lives in this app. */
  function identifiersOf(keys: readonly CallerKey[]): string[] {
    const names = new Set<string>();
    for (const key of keys) {
      const local = key.kind === 'accessKeyId' ? store.index('accessKeyById').get(key.value) : store.index('accessKeyByApiKey').get(key.value);
      for (const name of local ? [local.id, local.apiKey, key.value] : [key.value]) names.add(name);
    }
    return [...names];
  }

  /** The identifiers a request names: the one typed, or both from a key file. */
  const keysOf = (callerKey: CallerKey, accessKeyId?: string): CallerKey[] =>
    accessKeyId && callerKey.kind === 'apiKey' ? [callerKey, { kind: 'accessKeyId', value: accessKeyId }] : [callerKey];

  function boundGroupsOf(bindings: readonly BindingRecord[]): BoundGroup[] {
    const groups = store.index('groupById');
    const bound: BoundGroup[] = [];
    for (const binding of bindings) {
      const group = groups.get(binding.groupId);
      if (group) bound.push({ id: group.id, name: group.name, region: group.region, environment: group.environment, boundAt: binding.boundAt });
    }
    return bound.sort((a, b) => a.name.localeCompare(b.name));
  }

  const localKeyOf = (record: AuthorizationRecord) =>
    record.callerKeyKind === 'apiKey' ? store.index('accessKeyByApiKey').get(record.callerKey) : store.index('accessKeyById').get(record.callerKey);
  const listed = createAuthorizationList(localKeyOf);
  /** The list reads the access keys too: a key renamed or deleted changes what a search finds. */
  const listSource = () => {
    const data = store.read();
    return { records: data.authorizations, alsoReads: [data.accessKeys] };
  };

  /**
   * The bindings of these authorizations, by authorization: one pass over the bindings. A window
   * of rows costs that pass, where an index by authorization would cost a map of them all after
   * every Bind (200,000 bindings: a few milliseconds against hundreds).
   */
  function bindingsOf(ids: ReadonlySet<string>): Map<string, BindingRecord[]> {
    const found = new Map<string, BindingRecord[]>();
    for (const binding of store.read().bindings) {
      if (!ids.has(binding.authorizationId)) continue;
      const list = found.get(binding.authorizationId);
      if (list) list.push(binding);
      else found.set(binding.authorizationId, [binding]);
    }
    return found;
  }

  function summariseAll(records: readonly AuthorizationRecord[]): AuthorizationSummary[] {
    const bindings = bindingsOf(new Set(records.map((record) => record.id)));
    return records.map((record) => {
      const local = localKeyOf(record);
      const apiKey = record.callerKeyKind === 'apiKey' ? record.callerKey : local?.apiKey;
      return {
        ...record,
        ...(apiKey ? { fingerprint: fingerprintOf(apiKey) } : {}),
        boundGroups: boundGroupsOf(bindings.get(record.id) ?? []),
        ...(local ? { localAccessKey: { id: local.id, name: local.name } } : {}),
      };
    });
  }
  const summarise = (record: AuthorizationRecord): AuthorizationSummary => summariseAll([record])[0]!;

  const summaryOf = (id: string): AuthorizationSummary => {
    const record = store.index('authorizationById').get(id);
    if (!record) throw authorizationGone();
    return summarise(record);
  };

  function findIn(data: StoreData, id: string): AuthorizationRecord {
    const record = data.authorizations.find((a) => a.id === id);
    if (!record) throw authorizationGone();
    return record;
  }

  /** Within an update: the draft may hold authorizations the index has not seen yet. */
  function existingIn(data: Readonly<StoreData>, keys: readonly CallerKey[]): AuthorizationRecord | undefined {
    const names = new Set(identifiersOf(keys));
    return data.authorizations.find((a) => names.has(a.callerKey) || (a.accessKeyId !== undefined && names.has(a.accessKeyId)));
  }

  return {
    /** The ID of the authorization for this access key, named by either identifier (a key file gives both). */
    existingFor(callerKey: CallerKey, accessKeyId?: string): string | undefined {
      const byCallerKey = store.index('authorizationByCallerKey');
      const byAccessKeyId = store.index('authorizationByAccessKeyId');
      for (const name of identifiersOf(keysOf(callerKey, accessKeyId))) {
        const found = byCallerKey.get(name) ?? byAccessKeyId.get(name);
        if (found) return found.id;
      }
      return undefined;
    },

    /** Every authorization (the CLI's `gatekey auth`); the window asks for windows (`query`). */
    list(): AuthorizationSummary[] {
      return summariseAll(store.read().authorizations);
    },

    /** One window of the list, newest first, as searched; only its rows are summarised. */
    query(request: { search: string; offset: number; limit: number }): ListWindow<AuthorizationSummary> {
      return listed.window(listSource(), { ...request, order: 'newest' }, summariseAll);
    },

    /** Where an authorization sits in the list as searched: the row to scroll to. */
    position(id: string, search: string): ListPosition {
      return listed.position(listSource(), { order: 'newest', search }, id);
    },

    get: summaryOf,

    /** `accessKeyId` beside an APIKey: the same key's other identifier, kept so either finds this authorization. */
    async create({ callerKey, accessKeyId, description }: { callerKey: CallerKey; accessKeyId?: string; description: string }): Promise<AuthorizationSummary> {
      const keys = keysOf(callerKey, accessKeyId);
      const id = await store.update((data) => {
        const existing = existingIn(data, keys);
        if (existing) {
          throw new AppError(
            'ALREADY_EXISTS',
            `The access key ${existing.callerKey} is already authorized. Open the existing authorization to bind more API groups.`,
            {
              reason: 'accessKeyAlreadyAuthorized',
              params: { callerKey: existing.callerKey },
              fields: { callerKey: 'This access key is already authorized: one authorization per access key.' },
              fieldReasons: { callerKey: { reason: 'callerKeyAlreadyAuthorized', params: {} } },
              existingId: existing.id,
            },
          );
        }
        const timestamp = now().toISOString();
        const record: AuthorizationRecord = {
          id: unusedId((candidate) => data.authorizations.some((a) => a.id === candidate)),
          callerKey: callerKey.value,
          callerKeyKind: callerKey.kind,
          ...(keys[1] ? { accessKeyId: keys[1].value } : {}),
          callerType: 'apiCaller',
          description,
          createdAt: timestamp,
          updatedAt: timestamp,
        };
        data.authorizations.push(record);
        return record.id;
      });
      return summaryOf(id);
    },

    async update(id: string, description: string): Promise<AuthorizationSummary> {
      await store.update((data) => {
        const record = findIn(data, id);
        data.authorizations[data.authorizations.indexOf(record)] = { ...record, description, updatedAt: now().toISOString() };
      });
      return summaryOf(id);
    },

    async delete(id: string): Promise<void> {
      await store.update((data) => {
        const record = findIn(data, id);
        // Applied to JD Cloud: remember the remote ones, so the next plan deletes them there too.
        const apiKey = record.callerKeyKind === 'apiKey' ? record.callerKey : data.accessKeys.find((key) => key.id === record.callerKey)?.apiKey;
        if (apiKey) {
          const deletedAt = now().toISOString();
          for (const { region, accessAuthId } of record.remote ?? []) data.jdcloud.deletedAuthorizations.push({ region, accessAuthId, apiKey, deletedAt });
        }
        data.authorizations = data.authorizations.filter((a) => a.id !== id);
        data.bindings = data.bindings.filter((binding) => binding.authorizationId !== id);
      });
    },

    /** Replaces the bound set; kept bindings keep their time, new ones are stamped now. */
    async setBindings(id: string, groupIds: readonly string[]): Promise<AuthorizationSummary> {
      await store.update((data) => {
        findIn(data, id);
        const known = new Set(data.apiGroups.map((group) => group.id));
        const missing = groupIds.filter((groupId) => !known.has(groupId));
        if (missing.length > 0) throw groupGone();
        const kept = new Map(data.bindings.filter((b) => b.authorizationId === id).map((b) => [b.groupId, b]));
        const boundAt = now().toISOString();
        const wanted = [...new Set(groupIds)].map((groupId) => kept.get(groupId) ?? { authorizationId: id, groupId, boundAt });
        data.bindings = [...data.bindings.filter((b) => b.authorizationId !== id), ...wanted];
      });
      return summaryOf(id);
    },

    /** The API groups a key of this app may call, through any authorization naming its ID or APIKey. */
    grantsOf(accessKeyId: string): BoundGroup[] {
      const data = store.read();
      const key = store.index('accessKeyById').get(accessKeyId);
      if (!key) throw new AppError('NOT_FOUND', 'This access key no longer exists. It may have been deleted in another window.', { reason: 'accessKeyGone' });
      const authorizationIds = new Set(data.authorizations.filter((a) => a.callerKey === key.id || a.callerKey === key.apiKey || a.accessKeyId === key.id).map((a) => a.id));
      const earliest = new Map<string, BindingRecord>();
      for (const binding of data.bindings) {
        if (!authorizationIds.has(binding.authorizationId)) continue;
        const seen = earliest.get(binding.groupId);
        if (!seen || binding.boundAt < seen.boundAt) earliest.set(binding.groupId, binding);
      }
      return boundGroupsOf([...earliest.values()]);
    },
  };
}

export type AuthorizationService = ReturnType<typeof createAuthorizationService>;
