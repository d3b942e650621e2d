import type { StoreData } from '../../../shared/store/schema';
import { STATE_FILE_FORMAT, STATE_FILE_VERSION, type GatekeyState, type GroupReference, type StateApiGroup, type StateAuthorization } from '../../../shared/jdcloud/state-file';
import { byKeys } from './order';

const groupOrder = byKeys<Pick<StateApiGroup, 'name' | 'region' | 'environment'>>(
  (g) => g.region,
  (g) => g.name,
  (g) => g.environment,
);

/**
 * The provider's state of a data folder, for the state file: every field in a
 * fixed order, every list sorted, local IDs and timestamps left out (they
 * differ from one folder to the next), and never a secret.
 */
export function stateOf(data: Readonly<StoreData>): GatekeyState {
  const groupsById = new Map(data.apiGroups.map((group) => [group.id, group]));
  const bound = new Map<string, GroupReference[]>();
  for (const binding of data.bindings) {
    const group = groupsById.get(binding.groupId);
    if (!group) continue;
    const list = bound.get(binding.authorizationId) ?? [];
    list.push({ name: group.name, region: group.region, environment: group.environment });
    bound.set(binding.authorizationId, list);
  }

  const apiGroups = data.apiGroups
    .map((group): StateApiGroup => ({
      name: group.name,
      description: group.description,
      region: group.region,
      environment: group.environment,
      host: group.host,
      ...(group.remote ? { remote: { apiGroupId: group.remote.apiGroupId, ...(group.remote.deploymentId ? { deploymentId: group.remote.deploymentId } : {}) } } : {}),
    }))
    .sort(groupOrder);

  const authorizations = data.authorizations
    .map((authorization): StateAuthorization => ({
      callerKey: authorization.callerKey,
      callerKeyKind: authorization.callerKeyKind,
      ...(authorization.accessKeyId ? { accessKeyId: authorization.accessKeyId } : {}),
      description: authorization.description,
      remote: (authorization.remote ?? []).map(({ region, accessAuthId }) => ({ region, accessAuthId })).sort(byKeys((r) => r.region, (r) => r.accessAuthId)),
      bindings: (bound.get(authorization.id) ?? []).sort(groupOrder),
    }))
    .sort(byKeys((a) => a.callerKey));

  const deletedAuthorizations = data.jdcloud.deletedAuthorizations
    .map(({ region, accessAuthId, apiKey, deletedAt }) => ({ region, accessAuthId, apiKey, deletedAt }))
    .sort(byKeys((d) => d.region, (d) => d.accessAuthId));

  return { format: STATE_FILE_FORMAT, version: STATE_FILE_VERSION, apiGroups, authorizations, deletedAuthorizations };
}
