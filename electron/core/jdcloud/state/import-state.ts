import type { ApiGroupRecord } from '../../../shared/api-groups/types';
import type { AuthorizationRecord } from '../../../shared/authorizations/types';
import { groupKeyOf, type GatekeyState, type GroupReference, type StateApiGroup, type StateAuthorization } from '../../../shared/jdcloud/state-file';
import type { StoreData } from '../../../shared/store/schema';
import { apiGroupRecordOf, authorizationRecordOf } from './records';

type Remote = { region: string; accessAuthId: string };
type Deleted = StoreData['jdcloud']['deletedAuthorizations'][number];

/** One change an import makes; together they are the preview, and exactly what is applied. */
export type ImportChange =
  | { kind: 'createGroup'; group: StateApiGroup }
  | { kind: 'updateGroup'; id: string; name: string; description?: string; host?: string; remote?: NonNullable<StateApiGroup['remote']> }
  | { kind: 'createAuthorization'; authorization: StateAuthorization }
  | { kind: 'updateAuthorization'; id: string; callerKey: string; description?: string; addRemote: Remote[]; bind: GroupReference[] }
  | { kind: 'addDeleted'; entry: Deleted };

export interface ImportPreview {
  changes: ImportChange[];
  /** Why the file cannot be imported as it is, one sentence each; nothing is written while there is one. */
  conflicts: string[];
}

const groupKey = groupKeyOf;
const where = (group: { region: string; environment: string }) => `${group.region}, ${group.environment}`;

function groupChange(existing: ApiGroupRecord, wanted: StateApiGroup, conflicts: string[]): ImportChange | undefined {
  let remote = existing.remote;
  if (wanted.remote) {
    const sameGroup = !existing.remote || existing.remote.apiGroupId === wanted.remote.apiGroupId;
    const sameDeployment = !existing.remote?.deploymentId || !wanted.remote.deploymentId || existing.remote.deploymentId === wanted.remote.deploymentId;
    if (!sameGroup || !sameDeployment) {
      conflicts.push(`The API group "${existing.name}" is linked here to ${existing.remote!.apiGroupId}${existing.remote!.deploymentId ? `/${existing.remote!.deploymentId}` : ''} and in the file to ${wanted.remote.apiGroupId}${wanted.remote.deploymentId ? `/${wanted.remote.deploymentId}` : ''}.`);
      return undefined;
    }
    const deploymentId = existing.remote?.deploymentId ?? wanted.remote.deploymentId;
    remote = { apiGroupId: wanted.remote.apiGroupId, ...(deploymentId ? { deploymentId } : {}) };
  }
  const change: ImportChange = { kind: 'updateGroup', id: existing.id, name: existing.name };
  if (existing.description !== wanted.description) change.description = wanted.description;
  if (existing.host !== wanted.host) change.host = wanted.host;
  if (remote && (remote.apiGroupId !== existing.remote?.apiGroupId || remote.deploymentId !== existing.remote?.deploymentId)) change.remote = remote;
  return change.description !== undefined || change.host !== undefined || change.remote ? change : undefined;
}

/** Every identifier of the same access key, as the authorization service matches them (a local key gives both). */
function identifiersOf(data: Readonly<StoreData>, authorization: StateAuthorization): Set<string> {
  const names = new Set<string>();
  for (const name of [authorization.callerKey, authorization.accessKeyId]) {
    if (!name) continue;
    names.add(name);
    const local = data.accessKeys.find((key) => key.id === name || key.apiKey === name);
    if (local) names.add(local.id).add(local.apiKey);
  }
  return names;
}

function authorizationChange(data: Readonly<StoreData>, existing: AuthorizationRecord, wanted: StateAuthorization, conflicts: string[]): ImportChange | undefined {
  const addRemote: Remote[] = [];
  for (const remote of wanted.remote) {
    const here = existing.remote?.find((r) => r.region === remote.region);
    if (!here) addRemote.push(remote);
    else if (here.accessAuthId !== remote.accessAuthId) {
      conflicts.push(`The access key ${existing.callerKey} is linked here in ${remote.region} to the remote authorization ${here.accessAuthId} and in the file to ${remote.accessAuthId}.`);
    }
  }
  const groupsById = new Map(data.apiGroups.map((group) => [group.id, group]));
  const boundHere = new Set(data.bindings.filter((b) => b.authorizationId === existing.id).flatMap((b) => (groupsById.has(b.groupId) ? [groupKey(groupsById.get(b.groupId)!)] : [])));
  const bind = wanted.bindings.filter((group) => !boundHere.has(groupKey(group)));
  const description = existing.description !== wanted.description ? wanted.description : undefined;
  if (description === undefined && addRemote.length === 0 && bind.length === 0) return undefined;
  return { kind: 'updateAuthorization', id: existing.id, callerKey: existing.callerKey, ...(description !== undefined ? { description } : {}), addRemote, bind };
}

/**
 * What importing the state file into this data would change. It only adds and
 * updates: nothing here is removed (bindings the file does not name are kept),
 * and a link to a different remote object, or a group in another region or
 * environment under the same name, is a conflict that stops the whole import.
 */
export function previewImport(data: Readonly<StoreData>, state: GatekeyState): ImportPreview {
  const changes: ImportChange[] = [];
  const conflicts: string[] = [];
  const groupsByKey = new Map(data.apiGroups.map((group) => [groupKey(group), group]));
  const linkOf = (remote: { apiGroupId: string; deploymentId?: string }) => `${remote.apiGroupId}/${remote.deploymentId ?? ''}`;
  const linked = new Map(data.apiGroups.flatMap((group) => (group.remote ? [[linkOf(group.remote), group] as const] : [])));
  for (const group of state.apiGroups) {
    const existing = groupsByKey.get(groupKey(group));
    // One local record per remote deployment: a link another record holds would be held twice.
    const holder = group.remote ? linked.get(linkOf(group.remote)) : undefined;
    if (holder && holder !== existing) {
      conflicts.push(`The API group "${group.name}" (${where(group)}) is linked in the file to ${linkOf(group.remote!).replace(/\/$/, '')}, which "${holder.name}" (${where(holder)}) is linked to here.`);
      continue;
    }
    const change = existing ? groupChange(existing, group, conflicts) : { kind: 'createGroup' as const, group };
    if (change) changes.push(change);
  }

  const claimed = new Map<string, string>();
  // Identifiers of the keys this import authorizes anew: a local key named once by APIKey and once by ID is one key.
  const created = new Map<string, string>();
  for (const authorization of state.authorizations) {
    const names = identifiersOf(data, authorization);
    const existing = data.authorizations.find((a) => names.has(a.callerKey) || (a.accessKeyId !== undefined && names.has(a.accessKeyId)));
    if (!existing) {
      const twin = [...names].map((name) => created.get(name)).find(Boolean);
      if (twin) conflicts.push(`The file authorizes ${twin} and ${authorization.callerKey}, which are the same access key here.`);
      else changes.push({ kind: 'createAuthorization', authorization });
      for (const name of names) created.set(name, authorization.callerKey);
      continue;
    }
    const before = claimed.get(existing.id);
    if (before) {
      conflicts.push(`The file authorizes ${before} and ${authorization.callerKey}, which are the same access key here (authorized as ${existing.callerKey}).`);
      continue;
    }
    claimed.set(existing.id, authorization.callerKey);
    const change = authorizationChange(data, existing, authorization, conflicts);
    if (change) changes.push(change);
  }

  const known = new Set(data.jdcloud.deletedAuthorizations.map((d) => `${d.region}\0${d.accessAuthId}`));
  for (const entry of state.deletedAuthorizations) if (!known.has(`${entry.region}\0${entry.accessAuthId}`)) changes.push({ kind: 'addDeleted', entry });
  return { changes, conflicts };
}

/**
 * Makes the changes on a store draft (inside one store update, so all or
 * nothing is saved). `newId` draws an unused record ID, `now` is the time.
 */
export function applyImport(draft: StoreData, changes: readonly ImportChange[], { now, newId }: { now: string; newId: (taken: (id: string) => boolean) => string }): void {
  for (const change of changes) {
    if (change.kind === 'createGroup') {
      const { group } = change;
      const id = newId((candidate) => draft.apiGroups.some((g) => g.id === candidate));
      draft.apiGroups.push(apiGroupRecordOf(group, id, now));
    } else if (change.kind === 'updateGroup') {
      const at = draft.apiGroups.findIndex((g) => g.id === change.id);
      const group = draft.apiGroups[at]!;
      draft.apiGroups[at] = { ...group, ...(change.description !== undefined ? { description: change.description } : {}), ...(change.host ? { host: change.host } : {}), ...(change.remote ? { remote: change.remote } : {}), updatedAt: now };
    } else if (change.kind === 'addDeleted') {
      draft.jdcloud.deletedAuthorizations.push(change.entry);
    }
  }
  // Authorizations after groups: their bindings name groups the file may just have created.
  const groupIds = new Map(draft.apiGroups.map((group) => [groupKey(group), group.id]));
  const bind = (authorizationId: string, groups: readonly GroupReference[]) => {
    for (const group of groups) draft.bindings.push({ authorizationId, groupId: groupIds.get(groupKey(group))!, boundAt: now });
  };
  for (const change of changes) {
    if (change.kind === 'createAuthorization') {
      const { authorization } = change;
      const id = newId((candidate) => draft.authorizations.some((a) => a.id === candidate));
      draft.authorizations.push(authorizationRecordOf(authorization, id, now));
      bind(id, authorization.bindings);
    } else if (change.kind === 'updateAuthorization') {
      const at = draft.authorizations.findIndex((a) => a.id === change.id);
      const record = draft.authorizations[at]!;
      const remote = [...(record.remote ?? []), ...change.addRemote];
      draft.authorizations[at] = { ...record, ...(change.description !== undefined ? { description: change.description } : {}), ...(remote.length > 0 ? { remote } : {}), updatedAt: now };
      bind(change.id, change.bind);
    }
  }
}

/** The preview in words, one line per change: `+` creates, `~` changes. */
export function describeImport(changes: readonly ImportChange[]): string[] {
  return changes.map((change) => {
    switch (change.kind) {
      case 'createGroup':
        return `+ API group "${change.group.name}" (${where(change.group)}, ${change.group.host})${change.group.remote ? ` linked to ${change.group.remote.apiGroupId}` : ''}`;
      case 'updateGroup':
        return `~ API group "${change.name}": ${[
          change.description !== undefined ? `description "${change.description}"` : '',
          change.host ? `host ${change.host}` : '',
          change.remote ? `linked to ${change.remote.apiGroupId}${change.remote.deploymentId ? `/${change.remote.deploymentId}` : ''}` : '',
        ]
          .filter(Boolean)
          .join(', ')}`;
      case 'createAuthorization':
        return `+ authorization of ${change.authorization.callerKey}${change.authorization.description ? ` "${change.authorization.description}"` : ''}, bound to ${change.authorization.bindings.length} API group(s)`;
      case 'updateAuthorization':
        return `~ authorization of ${change.callerKey}: ${[
          change.description !== undefined ? `description "${change.description}"` : '',
          ...change.addRemote.map((r) => `linked in ${r.region} to ${r.accessAuthId}`),
          ...change.bind.map((g) => `bound to "${g.name}"`),
        ]
          .filter(Boolean)
          .join(', ')}`;
      case 'addDeleted':
        return `+ remote authorization ${change.entry.accessAuthId} in ${change.entry.region} to delete at the next apply`;
    }
  });
}
