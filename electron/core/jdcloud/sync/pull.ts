import type { PullReport } from '../../../shared/jdcloud/types';
import { assertMayChangeKeychain } from '../../access-keys/keychain-guards';
import type { RecordStore } from '../../ports/record-store';
import type { SecretStore } from '../../ports/secret-store';
import type { GatewayApi } from '../gateway-api';
import { pullAuthorizations } from './pull-authorizations';
import { pullGroups } from './pull-groups';
import { pullKeys } from './pull-keys';
import { readRemote } from './read-remote';

export interface PullDeps {
  client: GatewayApi;
  store: RecordStore;
  secrets: SecretStore;
  regions: readonly string[];
  concurrency: number;
  now: () => Date;
  onProgress?: (p: { task: 'jdPull'; done: number; total: number }) => void;
}

/**
 * Reads the gateway (reads only), then links the local records to it in one
 * store update: groups and their deployments first, then authorizations
 * (adopting remote-only ones on request); with `keys`, the signature keys.
 */
export async function pull(deps: PullDeps, options: { keys?: boolean; adoptRemote?: boolean }): Promise<PullReport> {
  const { client, store, regions, concurrency } = deps;
  if (options.keys) assertMayChangeKeychain(store);
  const requestIds: string[] = [];
  const log = (id: string) => {
    if (id) requestIds.push(id);
  };
  const total = regions.length + (options.keys ? 1 : 0);
  deps.onProgress?.({ task: 'jdPull', done: 0, total });
  const remote = await readRemote(client, regions, concurrency, log, (done) => deps.onProgress?.({ task: 'jdPull', done, total }));
  const now = deps.now();
  const { groups, authorizations } = await store.update((draft) => ({
    groups: pullGroups(draft, remote, now),
    authorizations: pullAuthorizations(draft, remote, now, options.adoptRemote ?? false),
  }));
  const report: PullReport = { regions: [...regions], groups, authorizations, requestIds };
  if (options.keys) {
    report.keys = await pullKeys(client, store, deps.secrets, regions, now, log);
    deps.onProgress?.({ task: 'jdPull', done: total, total });
  }
  return report;
}
