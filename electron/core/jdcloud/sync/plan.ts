import { AUTH_USER_TYPE } from '../../../shared/jdcloud/account';
import { planActions } from '../../../shared/jdcloud/types';
import type { ApiGroupRecord } from '../../../shared/api-groups/types';
import type { DeploymentRef, Plan, PlanAction, PlanItem, RemoteApiGroup, RemoteAuthorization, RemoteRegionState } from '../../../shared/jdcloud/types';
import { apiKeyOf, type PlanInput } from './plan-input';
import { unapplicableList, type UnapplicableReason } from './unapplicable';

export interface PlanContext {
  regions: readonly string[];
  endpoint: string;
  now: Date;
}

/** A local authorization that matches a remote one: apply (and pull) record it as the authorization's `remote` link. */
export interface PlanLink {
  authorizationId: string;
  region: string;
  accessAuthId: string;
  apiKey: string;
}

export type Tombstone = PlanInput['deletedAuthorizations'][number];

export interface PlanResult {
  plan: Plan;
  /** Every match of a local authorization to a remote one, whether or not an item changes it. */
  links: PlanLink[];
  /** Tombstones with nothing left to delete (gone remotely, or taken over by a local authorization again). */
  staleTombstones: Tombstone[];
}

/** Stable for the same change, so a reviewed plan's items can be named again at apply. */
export const planItemId = (region: string, action: PlanAction, apiKey: string): string => `${region}/${action}/${apiKey}`;

const sameKey = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();
const sorted = (ids: Iterable<string>) => [...new Set(ids)].sort();

/** One region of the remote world, indexed. */
function regionIndex(state: RemoteRegionState | undefined) {
  const groups = new Map<string, RemoteApiGroup>();
  const deployments = new Map<string, DeploymentRef>();
  for (const group of state?.groups ?? []) {
    groups.set(group.apiGroupId, group);
    for (const d of group.deployments) deployments.set(d.deploymentId, { deploymentId: d.deploymentId, groupName: group.groupName, environment: d.environment });
  }
  const authorizations = (state?.authorizations ?? []).filter((a) => a.authUserType === AUTH_USER_TYPE);
  return { groups, deployments, authorizations, byId: new Map(authorizations.map((a) => [a.accessAuthId, a])) };
}
type RegionIndex = ReturnType<typeof regionIndex>;

/** The deployment a local group stands for, or why there is none to bind. */
function deploymentOf(group: ApiGroupRecord, index: RegionIndex): { deploymentId: string } | { reason: Exclude<UnapplicableReason, 'apiKeyUnknown'> } {
  if (!group.remote) return { reason: 'groupNotPulled' };
  const remote = index.groups.get(group.remote.apiGroupId);
  if (!remote) return { reason: 'groupNotPulled' };
  // A redeploy may issue a new deploymentId: the environment's current one stands in for a stale link.
  const deployment = remote.deployments.find((d) => d.deploymentId === group.remote?.deploymentId) ?? remote.deployments.find((d) => d.environment === group.environment);
  if (!deployment) return { reason: 'groupNotPublished' };
  if (remote.authType === 'None') return { reason: 'groupAuthorizationOff' };
  return { deploymentId: deployment.deploymentId };
}

const refOf = (index: RegionIndex, deploymentId: string): DeploymentRef =>
  // Every bound deployment belongs to a group the read listed; should one not, it is still named (and unbound) rather than hidden.
  index.deployments.get(deploymentId) ?? { deploymentId, groupName: `unknown deployment ${deploymentId}`, environment: 'online' };

/**
 * The difference between the local state and the gateway, as operations.
 * Pure: reads nothing and sends nothing. Local is the truth for every
 * authorization Gatekey knows in a region (bound to a group there, or linked
 * there); remote authorizations it never knew are listed, never deleted.
 */
export function makePlan(input: PlanInput, remote: readonly RemoteRegionState[], context: PlanContext): PlanResult {
  const regions = [...context.regions];
  const inAccount = new Set(regions);
  const indexes = new Map(regions.map((region) => [region, regionIndex(remote.find((state) => state.region === region))]));
  const apiKeys = new Map(input.accessKeys.map((key) => [key.id, key.apiKey]));
  const groupsById = new Map(input.apiGroups.map((group) => [group.id, group]));
  const boundGroups = new Map<string, ApiGroupRecord[]>();
  for (const binding of input.bindings) {
    const group = groupsById.get(binding.groupId);
    if (!group) continue;
    const list = boundGroups.get(binding.authorizationId) ?? [];
    list.push(group);
    boundGroups.set(binding.authorizationId, list);
  }

  const items: PlanItem[] = [];
  const links: PlanLink[] = [];
  const unapplicable = unapplicableList();
  const localOnly: Plan['localOnly'] = [];
  /** Remote authorizations some local one accounts for, per region. */
  const matched = new Set<string>();
  const planned = new Set<string>();

  for (const authorization of input.authorizations) {
    const groups = boundGroups.get(authorization.id) ?? [];
    for (const group of groups) if (!inAccount.has(group.region)) unapplicable.group(group, 'groupNotInAccountRegions', authorization.id);
    const wanted = sorted([...groups.map((g) => g.region), ...(authorization.remote ?? []).map((link) => link.region)].filter((region) => inAccount.has(region)));
    if (wanted.length === 0) {
      localOnly.push({ authorizationId: authorization.id, callerKey: authorization.callerKey });
      continue;
    }
    const apiKey = apiKeyOf(authorization, apiKeys);
    if (!apiKey) {
      unapplicable.authorization(authorization);
      continue;
    }
    for (const region of wanted) {
      // Two local authorizations of one key (a state file may hold them): the first speaks for it.
      if (planned.has(`${region}/${apiKey.toUpperCase()}`)) continue;
      planned.add(`${region}/${apiKey.toUpperCase()}`);
      const index = indexes.get(region)!;
      const desired = new Set<string>();
      for (const group of groups.filter((g) => g.region === region)) {
        const found = deploymentOf(group, index);
        if ('reason' in found) unapplicable.group(group, found.reason, authorization.id);
        else desired.add(found.deploymentId);
      }
      const deploymentIds = sorted(desired);
      const linkedId = authorization.remote?.find((link) => link.region === region)?.accessAuthId;
      // A link counts only while the remote one is still this caller's: a hand-edited state file (or a stale link)
      // must not make this authorization rewrite another caller's bindings.
      const viaLink = linkedId ? index.byId.get(linkedId) : undefined;
      const existing: RemoteAuthorization | undefined =
        (viaLink && sameKey(viaLink.accessKey, apiKey) ? viaLink : undefined) ?? index.authorizations.find((a) => sameKey(a.accessKey, apiKey));
      const base = { region, authorizationId: authorization.id, apiKey };
      if (!existing) {
        items.push({ ...base, id: planItemId(region, 'createAuthorization', apiKey), action: 'createAuthorization', description: { to: authorization.description }, bind: deploymentIds.map((id) => refOf(index, id)), unbind: [], deploymentIds });
        continue;
      }
      matched.add(`${region}/${existing.accessAuthId}`);
      links.push({ authorizationId: authorization.id, region, accessAuthId: existing.accessAuthId, apiKey });
      const current = new Set(existing.deploymentIds);
      if (existing.description !== authorization.description) {
        items.push({ ...base, id: planItemId(region, 'updateDescription', apiKey), action: 'updateDescription', accessAuthId: existing.accessAuthId, description: { from: existing.description, to: authorization.description }, bind: [], unbind: [], deploymentIds: sorted(current) });
      }
      const bind = deploymentIds.filter((id) => !current.has(id));
      const unbind = sorted(current).filter((id) => !desired.has(id));
      if (bind.length > 0 || unbind.length > 0) {
        items.push({ ...base, id: planItemId(region, 'setBindings', apiKey), action: 'setBindings', accessAuthId: existing.accessAuthId, description: undefined, bind: bind.map((id) => refOf(index, id)), unbind: unbind.map((id) => refOf(index, id)), deploymentIds });
      }
    }
  }

  const staleTombstones: Tombstone[] = [];
  for (const tombstone of input.deletedAuthorizations) {
    const index = indexes.get(tombstone.region);
    if (!index) continue; // a region the account no longer works in: kept for when it does again
    const still = index.byId.get(tombstone.accessAuthId);
    const key = `${tombstone.region}/${tombstone.accessAuthId}`;
    if (!still || matched.has(key) || planned.has(`${tombstone.region}/${tombstone.apiKey.toUpperCase()}`)) {
      staleTombstones.push(tombstone);
      continue;
    }
    if (planned.has(`${tombstone.region}/delete/${tombstone.accessAuthId}`)) continue;
    planned.add(`${tombstone.region}/delete/${tombstone.accessAuthId}`);
    matched.add(key);
    items.push({
      id: planItemId(tombstone.region, 'deleteAuthorization', still.accessKey),
      region: tombstone.region,
      action: 'deleteAuthorization',
      accessAuthId: still.accessAuthId,
      apiKey: still.accessKey,
      description: undefined,
      bind: [],
      unbind: still.deploymentIds.map((id) => refOf(index, id)),
      deploymentIds: [],
    });
  }

  const remoteOnly: Plan['remoteOnly'] = [];
  for (const region of regions) {
    for (const a of indexes.get(region)!.authorizations) {
      if (!matched.has(`${region}/${a.accessAuthId}`)) remoteOnly.push({ region, accessAuthId: a.accessAuthId, accessKey: a.accessKey, description: a.description });
    }
  }

  const order = (item: PlanItem) => planActions.indexOf(item.action);
  items.sort((a, b) => a.region.localeCompare(b.region) || order(a) - order(b) || a.apiKey.localeCompare(b.apiKey));
  const counts = Object.fromEntries(planActions.map((action) => [action, items.filter((item) => item.action === action).length])) as Record<PlanAction, number>;
  return {
    plan: { createdAt: context.now.toISOString(), endpoint: context.endpoint, regions, items, counts, unapplicable: unapplicable.list(), remoteOnly, localOnly },
    links,
    staleTombstones,
  };
}
