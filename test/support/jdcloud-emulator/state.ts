import type { Environment } from '../../../electron/shared/api-groups/rules';
import { ApiError } from './envelope';
import { newAlnumId, newApiKey, newApiSecret, newKeyId, uniqueId } from './ids';

/**
 * One region of the emulated account: API groups with their deployments,
 * access authorizations with their bound deployments, and kms keys. Every
 * lookup the operations need is a Map, so a bench of thousands of
 * authorizations stays linear.
 */

export const AUTH_USER_TYPES = ['jd_apikms', 'jd_cloud', 'jd_subscription_key', 'jd_cloud_pin'] as const;

export interface GroupState {
  apiGroupId: string;
  groupName: string;
  description: string;
  regionId: string;
  domain: string;
  /** `jd_cloud` when access authorization is on; `None` groups accept no bindings. */
  authType: string;
  keyCheck: string;
  /** Environment -> its current deployment. */
  deployments: Map<Environment, DeploymentState>;
  revision: number;
}

export interface DeploymentState {
  deploymentId: string;
  apiGroupId: string;
  revision: string;
  environment: Environment;
  createTime: number;
}

export interface AuthState {
  accessAuthId: string;
  authUserType: string;
  accessKey: string;
  description: string;
  /** Bound deployments in the order they were bound (a Set keeps it). */
  deploymentIds: Set<string>;
}

export interface KeyState {
  keyId: string;
  keyName: string;
  keyDesc: string;
  accessKey: string;
  /** Key material: answered by the API (as the real one does), never logged. */
  secretKey: string;
  createTime: string;
}

const identity = (authUserType: string, accessKey: string) => `${authUserType}\u0000${accessKey}`;

/** `2024-11-29 14:00:00` (UTC): KeyInfo.createTime's live format is unconfirmed. */
const keyTime = (moment: Date) => moment.toISOString().slice(0, 19).replace('T', ' ');

export class RegionState {
  readonly groups = new Map<string, GroupState>();
  readonly deployments = new Map<string, DeploymentState>();
  readonly auths = new Map<string, AuthState>();
  private readonly authByIdentity = new Map<string, string>();
  /** Which authorizations bind a deployment, so a redeploy can drop those bindings. */
  private readonly bindersOf = new Map<string, Set<string>>();
  readonly keys = new Map<string, KeyState>();
  private readonly hostIds = new Set<string>();

  constructor(
    readonly region: string,
    private readonly now: () => Date,
  ) {}

  // --- API groups and deployments ---

  addGroup(fields: { groupName: string; description?: string; authType?: string }): GroupState {
    const apiGroupId = uniqueId(newAlnumId, this.groups);
    const hostId = uniqueId(newAlnumId, this.hostIds);
    this.hostIds.add(hostId);
    const group: GroupState = {
      apiGroupId,
      groupName: fields.groupName,
      description: fields.description ?? '',
      regionId: this.region,
      domain: `${hostId}.${this.region}.jdcloud-api.net`,
      authType: fields.authType ?? 'jd_cloud',
      keyCheck: 'check_exist',
      deployments: new Map(),
      revision: 0,
    };
    this.groups.set(apiGroupId, group);
    return group;
  }

  /**
   * Publishes a new revision to an environment. A redeploy issues a new
   * deploymentId and drops the bindings of the old one (the pessimistic reading
   * of an unconfirmed point: clients must re-read before applying).
   */
  publish(apiGroupId: string, environment: Environment): DeploymentState {
    const group = this.groupOrThrow(apiGroupId);
    this.unpublish(apiGroupId, environment);
    group.revision += 1;
    const deployment: DeploymentState = {
      deploymentId: uniqueId(newAlnumId, this.deployments),
      apiGroupId,
      revision: `${group.revision}.0.0`,
      environment,
      createTime: this.now().getTime(),
    };
    group.deployments.set(environment, deployment);
    this.deployments.set(deployment.deploymentId, deployment);
    return deployment;
  }

  unpublish(apiGroupId: string, environment: Environment): void {
    const group = this.groupOrThrow(apiGroupId);
    const old = group.deployments.get(environment);
    if (!old) return;
    group.deployments.delete(environment);
    this.deployments.delete(old.deploymentId);
    for (const accessAuthId of this.bindersOf.get(old.deploymentId) ?? []) this.auths.get(accessAuthId)?.deploymentIds.delete(old.deploymentId);
    this.bindersOf.delete(old.deploymentId);
  }

  groupOrThrow(apiGroupId: string): GroupState {
    const group = this.groups.get(apiGroupId);
    if (!group) throw new ApiError(404, `API group ${apiGroupId} not found in ${this.region}`);
    return group;
  }

  // --- Access authorizations ---

  findAuth(authUserType: string, accessKey: string): AuthState | undefined {
    const id = this.authByIdentity.get(identity(authUserType, accessKey));
    return id === undefined ? undefined : this.auths.get(id);
  }

  authOrThrow(accessAuthId: string): AuthState {
    const auth = this.auths.get(accessAuthId);
    if (!auth) throw new ApiError(404, `Access authorization ${accessAuthId} not found in ${this.region}`);
    return auth;
  }

  /** Checks that every ID is a bindable deployment of this region (its group has access authorization on). */
  checkBindable(deploymentIds: readonly string[]): void {
    for (const id of deploymentIds) {
      const deployment = this.deployments.get(id);
      if (!deployment) throw new ApiError(400, `Deployment ${id} does not exist in ${this.region}`);
      const group = this.groups.get(deployment.apiGroupId)!;
      if (group.authType !== 'jd_cloud') throw new ApiError(400, `API group ${group.groupName} does not use access authorization (authType ${group.authType})`);
    }
  }

  createAuth(fields: { authUserType: string; accessKey: string; description?: string; deploymentIds?: readonly string[] }): AuthState {
    if (this.findAuth(fields.authUserType, fields.accessKey)) throw new ApiError(409, `An access authorization for this ${fields.authUserType} key already exists`);
    this.checkBindable(fields.deploymentIds ?? []);
    const auth: AuthState = {
      accessAuthId: uniqueId(newAlnumId, this.auths),
      authUserType: fields.authUserType,
      accessKey: fields.accessKey,
      description: fields.description ?? '',
      deploymentIds: new Set(),
    };
    this.auths.set(auth.accessAuthId, auth);
    this.authByIdentity.set(identity(auth.authUserType, auth.accessKey), auth.accessAuthId);
    this.bind(auth, fields.deploymentIds ?? []);
    return auth;
  }

  /** Changes only the given fields; a new (type, key) must not collide with another authorization. */
  updateAuth(auth: AuthState, change: { authUserType?: string; accessKey?: string; description?: string; deploymentIds?: readonly string[] }): void {
    const authUserType = change.authUserType ?? auth.authUserType;
    const accessKey = change.accessKey ?? auth.accessKey;
    const other = this.findAuth(authUserType, accessKey);
    if (other && other !== auth) throw new ApiError(409, `An access authorization for this ${authUserType} key already exists`);
    if (change.deploymentIds) this.checkBindable(change.deploymentIds);
    this.authByIdentity.delete(identity(auth.authUserType, auth.accessKey));
    auth.authUserType = authUserType;
    auth.accessKey = accessKey;
    this.authByIdentity.set(identity(authUserType, accessKey), auth.accessAuthId);
    if (change.description !== undefined) auth.description = change.description;
    if (change.deploymentIds) this.bind(auth, change.deploymentIds);
  }

  deleteAuth(auth: AuthState): void {
    this.bind(auth, []);
    this.auths.delete(auth.accessAuthId);
    this.authByIdentity.delete(identity(auth.authUserType, auth.accessKey));
  }

  /** Replaces the bound set (bindGroupAuth semantics); callers check bindability first. */
  bind(auth: AuthState, deploymentIds: readonly string[]): void {
    for (const id of auth.deploymentIds) this.bindersOf.get(id)?.delete(auth.accessAuthId);
    auth.deploymentIds = new Set(deploymentIds);
    for (const id of auth.deploymentIds) {
      const binders = this.bindersOf.get(id) ?? new Set<string>();
      binders.add(auth.accessAuthId);
      this.bindersOf.set(id, binders);
    }
  }

  // --- kms keys ---

  createKey(fields: { keyName: string; keyDesc: string }): KeyState {
    const key: KeyState = {
      keyId: uniqueId(newKeyId, this.keys),
      keyName: fields.keyName,
      keyDesc: fields.keyDesc,
      accessKey: newApiKey(),
      secretKey: newApiSecret(),
      createTime: keyTime(this.now()),
    };
    this.keys.set(key.keyId, key);
    return key;
  }

  keyOrThrow(keyId: string): KeyState {
    const key = this.keys.get(keyId);
    if (!key) throw new ApiError(404, `Key ${keyId} not found in ${this.region}`);
    return key;
  }

  /** New APIKey and APISecret; authorizations naming the old APIKey are left as they are (unconfirmed live). */
  resetKey(key: KeyState): void {
    key.accessKey = newApiKey();
    key.secretKey = newApiSecret();
  }
}
