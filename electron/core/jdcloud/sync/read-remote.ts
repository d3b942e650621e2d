import type { RemoteApiGroup, RemoteAuthorization, RemoteRegionState } from '../../../shared/jdcloud/types';
import type { GatewayApi } from '../gateway-api';
import { mapPool } from './pool';

/** Collects every reply's requestId, for support. */
export type RequestLog = (requestId: string) => void;

async function readGroups(client: GatewayApi, region: string, concurrency: number, log: RequestLog): Promise<RemoteApiGroup[]> {
  const listed = await client.describeApiGroups(region);
  log(listed.requestId);
  return mapPool(listed.result, concurrency, async (group) => {
    const deployments = await client.describeDeployments(region, group.apiGroupId);
    log(deployments.requestId);
    return { ...group, deployments: deployments.result };
  });
}

async function readAuthorizations(client: GatewayApi, region: string, concurrency: number, log: RequestLog): Promise<RemoteAuthorization[]> {
  const listed = await client.queryAccessAuths(region);
  log(listed.requestId);
  return mapPool(listed.result, concurrency, async (authorization) => {
    const bound = await client.queryBindGroupAuth(region, authorization.accessAuthId);
    log(bound.requestId);
    return { ...authorization, deploymentIds: bound.result };
  });
}

/**
 * Reads the world of every region (reads only): groups with their
 * deployments, authorizations with their bound deployments. `onRegion` hears
 * each region as it is done (a pull's progress).
 */
export async function readRemote(
  client: GatewayApi,
  regions: readonly string[],
  concurrency: number,
  log: RequestLog,
  onRegion: (done: number) => void = () => undefined,
): Promise<RemoteRegionState[]> {
  const states: RemoteRegionState[] = [];
  for (const region of regions) {
    const [groups, authorizations] = await Promise.all([readGroups(client, region, concurrency, log), readAuthorizations(client, region, concurrency, log)]);
    states.push({ region, groups, authorizations });
    onRegion(states.length);
  }
  return states;
}
