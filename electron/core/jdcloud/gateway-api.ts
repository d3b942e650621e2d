import type { RemoteApiGroup, RemoteAuthorization, RemoteDeployment, RemoteKey } from '../../shared/jdcloud/types';

/**
 * The operations of JD Cloud API Gateway's management OpenAPI that Gatekey
 * uses, typed (see ../shared/jdcloud-apigateway-api.md, sections 8.1, 8.3, 8.4).
 * The client (client/) implements it over HTTP; the sync engine (sync/) uses it.
 *
 * Every call answers the reply's `requestId`. Failures are AppErrors with jd* reasons (client/errors.ts):
 * reads are retried inside the client (429, 5xx, dropped connections); writes are
 * retried only when the gateway cannot have applied them (429, connection refused)
 * and otherwise fail as `unclear`, for the caller to resolve by reading first.
 */
export interface Replied<T> {
  requestId: string;
  result: T;
}

export interface AccessAuthView {
  authUserType: string;
  accessKey: string;
  description?: string;
  /** Bound at creation; sent as one comma-separated string. */
  deploymentIds?: string[];
}

/** A kms key as queryKeys/queryKeyInfo answer it. `secretKey` is key material: straight to the keychain, never logged or stored elsewhere. */
export interface RemoteKeyWithSecret extends RemoteKey {
  secretKey: string;
}

export interface GatewayApi {
  // --- API groups and deployments (read-only) ---
  /** Every page of describeApiGroups, without deployments. */
  describeApiGroups(region: string): Promise<Replied<Array<Omit<RemoteApiGroup, 'deployments'>>>>;
  describeDeployments(region: string, apiGroupId: string): Promise<Replied<RemoteDeployment[]>>;

  // --- Access authorizations ---
  /** Every page of queryAccessAuths (bindings not included: see queryBindGroupAuth). */
  queryAccessAuths(region: string): Promise<Replied<Array<Omit<RemoteAuthorization, 'deploymentIds'>>>>;
  queryBindGroupAuth(region: string, accessAuthId: string): Promise<Replied<string[]>>;
  /** Not retried on an unclear failure: resolve with checkAuthExist first. */
  createAccessAuth(region: string, view: AccessAuthView): Promise<Replied<{ accessAuthId: string }>>;
  updateAccessAuth(region: string, accessAuthId: string, change: { description: string }): Promise<Replied<{ accessAuthId: string }>>;
  /** Replaces the bound set with exactly these deployments. */
  bindGroupAuth(region: string, accessAuthId: string, deploymentIds: string[]): Promise<Replied<string[]>>;
  deleteAccessAuth(region: string, accessAuthId: string): Promise<Replied<{ accessAuthId: string }>>;
  /** The existing authorization's ID, or null when there is none. */
  checkAuthExist(region: string, authUserType: string, accessKey: string): Promise<Replied<string | null>>;

  // --- Signature keys (the caller's side) ---
  /** Every page of queryKeys, or the one key with `keyId`. Answers secrets: handle as key material. */
  queryKeys(region: string, filter?: { keyId?: string }): Promise<Replied<RemoteKeyWithSecret[]>>;
  /** Not idempotent: after an unclear failure, look for the key with queryKeys before any retry. */
  createKey(region: string, fields: { keyName: string; keyDesc: string }): Promise<Replied<{ accessKey: string; secretKey: string }>>;
}
