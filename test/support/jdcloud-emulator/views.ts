import type { AuthState, DeploymentState, GroupState, KeyState, RegionState } from './state';

/** The API's result models (spec section 7) built from the emulator's state. */

export function apiGroupView(group: GroupState) {
  const environments = [...group.deployments.keys()];
  return {
    apiGroupId: group.apiGroupId,
    groupName: group.groupName,
    description: group.description,
    prefix: `/${group.groupName}`,
    version: null,
    regionId: group.regionId,
    domain: group.domain,
    environment: environments.length > 0 ? environments.join(',') : null,
    keyCheck: group.keyCheck,
    authType: group.authType,
    prefixStrip: 0,
    groupType: 'api_group',
    jdsfName: null,
    jdsfRegistryName: null,
    jdsfId: null,
    deploy: environments.length > 0 ? 1 : 0,
  };
}

export function deploymentView(deployment: DeploymentState) {
  return {
    deploymentId: deployment.deploymentId,
    revision: deployment.revision,
    path: '/',
    environment: deployment.environment,
    backendServiceType: 'mock',
    backendUrl: null,
    description: '',
    createTime: deployment.createTime,
    jdsfName: null,
    jdsfRegistryName: null,
    jdsfId: null,
  };
}

/** BindGroups: one deployment as the bind dialog shows it. */
export function bindGroupView(state: RegionState, deploymentId: string) {
  const deployment = state.deployments.get(deploymentId);
  const group = deployment ? state.groups.get(deployment.apiGroupId) : undefined;
  return { deploymentId, groupName: group?.groupName ?? '', environment: deployment?.environment ?? '' };
}

export function accessAuthView(state: RegionState, auth: AuthState) {
  // bindGroups: the bound groups' names, comma-separated, each once (content unconfirmed live).
  const names = new Set<string>();
  for (const id of auth.deploymentIds) {
    const deployment = state.deployments.get(id);
    const group = deployment ? state.groups.get(deployment.apiGroupId) : undefined;
    if (group) names.add(group.groupName);
  }
  return {
    accessAuthId: auth.accessAuthId,
    authUserType: auth.authUserType,
    accessKey: auth.accessKey,
    description: auth.description,
    bindGroups: [...names].join(','),
    appId: null,
  };
}

/** KeyInfo, secretKey included: the real API answers it in clear too. */
export function keyInfoView(key: KeyState, userId: string) {
  return {
    userId,
    keyId: key.keyId,
    keyName: key.keyName,
    accessKey: key.accessKey,
    secretKey: key.secretKey,
    keyDesc: key.keyDesc,
    createTime: key.createTime,
  };
}
