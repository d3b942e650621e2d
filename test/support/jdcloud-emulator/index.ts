import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Environment } from '../../../electron/shared/api-groups/rules';
import type { RemoteApiGroup, RemoteAuthorization, RemoteDeployment, RemoteKey } from '../../../electron/shared/jdcloud/types';
import { type Fault, FaultQueue, type PendingFault } from './faults';
import { newAccount } from './ids';
import type { Operation } from './routes';
import { handle, type RequestRecord, type ServerContext } from './server';
import { type DeploymentState, RegionState } from './state';

/**
 * A local JD Cloud API Gateway management OpenAPI (see
 * /work/shared/jdcloud-apigateway-api.md) on 127.0.0.1 for tests, the bench and
 * e2e: it verifies every JDCLOUD2/3 signature with its own code, keeps state per
 * region, answers the spec's envelopes, and fails on demand (inject).
 */

export type { Fault, FaultKind, PendingFault } from './faults';
export type { Operation } from './routes';
export { OPERATIONS } from './routes';
export type { RequestRecord } from './server';

export interface EmulatorAccount {
  accessKey: string;
  /** Key material: tests sign with it; never log it. */
  secretKey: string;
  /** false: every signed request is answered 403 HTTP_FORBIDDEN (a sub-user without permission). */
  allowed?: boolean;
}

export interface EmulatorOptions {
  /** Regions that run API Gateway here (default cn-north-1); others answer 400. */
  regions?: string[];
  /** Default: one generated, allowed account. */
  accounts?: EmulatorAccount[];
  /** The gateway's clock for the 15-minute date window and createTime (default: the real clock). */
  now?: () => Date;
}

export interface EmulatorSnapshot {
  groups: RemoteApiGroup[];
  authorizations: RemoteAuthorization[];
  /** Without secrets. */
  keys: RemoteKey[];
}

export interface JdcloudEmulator {
  endpoint: string;
  account: { accessKey: string; secretKey: string };
  regions: string[];
  addApiGroup(
    region: string,
    group: { groupName: string; description?: string; authType?: 'jd_cloud' | 'None'; publish?: Environment[] },
  ): { apiGroupId: string; domain: string; deployments: RemoteDeployment[] };
  /** A new deployment for the environment; a redeploy replaces the old deploymentId and drops its bindings. */
  publish(region: string, apiGroupId: string, environment: Environment): RemoteDeployment;
  unpublish(region: string, apiGroupId: string, environment: Environment): void;
  setAuthType(region: string, apiGroupId: string, authType: 'jd_cloud' | 'None'): void;
  addAccessAuth(region: string, auth: { accessKey: string; description?: string; deploymentIds?: string[]; authUserType?: string }): string;
  /** Key material in the result: for tests only. */
  addKey(region: string, key: { keyName: string; keyDesc?: string }): { keyId: string; accessKey: string; secretKey: string };
  snapshot(region: string): EmulatorSnapshot;
  readonly requests: RequestRecord[];
  /** Requests of an operation ('*' for all) matching the filter's fields, or the predicate. */
  count(operation: Operation | 'unknown' | '*', filter?: Partial<RequestRecord> | ((record: RequestRecord) => boolean)): number;
  inject(fault: Fault): void;
  pendingFaults(): PendingFault[];
  clearFaults(): void;
  /** Grants or withdraws an account's permission (false: 403 HTTP_FORBIDDEN from the next request on). */
  setAllowed(accessKey: string, allowed: boolean): void;
  close(): Promise<void>;
}

const remoteDeployment = (d: DeploymentState): RemoteDeployment => ({ deploymentId: d.deploymentId, environment: d.environment, revision: d.revision });

export async function startEmulator(options: EmulatorOptions = {}): Promise<JdcloudEmulator> {
  const now = options.now ?? (() => new Date());
  const regionNames = options.regions ?? ['cn-north-1'];
  const accountList: EmulatorAccount[] = options.accounts && options.accounts.length > 0 ? options.accounts : [newAccount()];
  const regions = new Map(regionNames.map((name) => [name, new RegionState(name, now)]));
  const context: ServerContext = {
    regions,
    accounts: new Map(accountList.map((a) => [a.accessKey, { secretKey: a.secretKey, allowed: a.allowed ?? true }])),
    faults: new FaultQueue(),
    nonces: new Set(),
    now,
    userId: 'emulated-user',
    log: [],
    timers: new Set(),
  };
  const server: Server = createServer((request, response) => handle(context, request, response));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  const stateOf = (region: string): RegionState => {
    const state = regions.get(region);
    if (!state) throw new Error(`The emulator does not serve region ${region} (it serves ${regionNames.join(', ')}).`);
    return state;
  };

  return {
    endpoint: `http://127.0.0.1:${port}`,
    account: { accessKey: accountList[0]!.accessKey, secretKey: accountList[0]!.secretKey },
    regions: [...regionNames],
    addApiGroup(region, group) {
      const state = stateOf(region);
      const created = state.addGroup(group);
      const deployments = (group.publish ?? []).map((environment) => remoteDeployment(state.publish(created.apiGroupId, environment)));
      return { apiGroupId: created.apiGroupId, domain: created.domain, deployments };
    },
    publish: (region, apiGroupId, environment) => remoteDeployment(stateOf(region).publish(apiGroupId, environment)),
    unpublish: (region, apiGroupId, environment) => stateOf(region).unpublish(apiGroupId, environment),
    setAuthType(region, apiGroupId, authType) {
      stateOf(region).groupOrThrow(apiGroupId).authType = authType;
    },
    addAccessAuth(region, auth) {
      const { accessAuthId } = stateOf(region).createAuth({ ...auth, authUserType: auth.authUserType ?? 'jd_apikms' });
      return accessAuthId;
    },
    addKey(region, key) {
      const { keyId, accessKey, secretKey } = stateOf(region).createKey({ keyName: key.keyName, keyDesc: key.keyDesc ?? '' });
      return { keyId, accessKey, secretKey };
    },
    snapshot(region) {
      const state = stateOf(region);
      return {
        groups: [...state.groups.values()].map((g) => ({
          apiGroupId: g.apiGroupId,
          groupName: g.groupName,
          description: g.description,
          regionId: g.regionId,
          domain: g.domain,
          authType: g.authType,
          deployments: [...g.deployments.values()].map(remoteDeployment),
        })),
        authorizations: [...state.auths.values()].map((a) => ({
          accessAuthId: a.accessAuthId,
          authUserType: a.authUserType,
          accessKey: a.accessKey,
          description: a.description,
          deploymentIds: [...a.deploymentIds],
        })),
        keys: [...state.keys.values()].map((k) => ({ keyId: k.keyId, keyName: k.keyName, keyDesc: k.keyDesc, accessKey: k.accessKey, createTime: k.createTime })),
      };
    },
    requests: context.log,
    count(operation, filter) {
      const matches =
        typeof filter === 'function'
          ? filter
          : (record: RequestRecord) => Object.entries(filter ?? {}).every(([name, value]) => record[name as keyof RequestRecord] === value);
      return context.log.filter((record) => (operation === '*' || record.operation === operation) && matches(record)).length;
    },
    inject: (fault) => context.faults.inject(fault),
    pendingFaults: () => context.faults.list(),
    clearFaults: () => context.faults.clear(),
    setAllowed(accessKey, allowed) {
      const account = context.accounts.get(accessKey);
      if (!account) throw new Error(`The emulator has no account ${accessKey}.`);
      account.allowed = allowed;
    },
    close() {
      for (const timer of context.timers) clearTimeout(timer);
      context.timers.clear();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
