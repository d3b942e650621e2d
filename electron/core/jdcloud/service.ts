import type { AccessKeySummary } from '../../shared/access-keys/types';
import { AppError } from '../../shared/errors';
import type { ApplyReport, JdAccountView, Plan, PullReport } from '../../shared/jdcloud/types';
import { planActions } from '../../shared/jdcloud/types';
import { fingerprintOf } from '../key-files/fingerprint';
import type { SendRequest } from '../ports/http-sender';
import type { RecordStore } from '../ports/record-store';
import type { SecretStore } from '../ports/secret-store';
import { createGatewayClient } from './client/index';
import type { GatewayApi } from './gateway-api';
import { createAccount, type AccountOverride, type Credentials } from './sync/account';
import { applyItems } from './sync/apply';
import { applyJournal } from './sync/apply-journal';
import { createRemoteKey } from './sync/create-key';
import { linkRecorder } from './sync/link-recorder';
import { makePlan } from './sync/plan';
import { planInputOf, type PlanInput } from './sync/plan-input';
import { pull } from './sync/pull';
import { readRemote } from './sync/read-remote';

export type { PlanInput } from './sync/plan-input';

export interface JdcloudServiceDeps {
  store: RecordStore;
  /** APISecrets (the caller's keys), under the local Access Key ID. */
  secrets: SecretStore;
  /** The account's SecretKey, under the account name = its AccessKey ID. */
  accountSecrets: SecretStore;
  send: SendRequest;
  dataDir: string;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  concurrency?: number;
  onProgress?: (p: { task: 'jdApply' | 'jdPull'; done: number; total: number; failed?: number }) => void;
  /** CLI: environment variables and flags, ahead of the stored account. */
  override?: AccountOverride;
}

export const DEFAULT_CONCURRENCY = 4;
const ITEM_ID = new RegExp(`^[a-z0-9-]{1,64}/(${planActions.join('|')})/[\\x21-\\x7e]{1,128}$`);

/**
 * JD Cloud API Gateway, from the app's side: the account, pull, plan and
 * apply for the provider, createKey for the caller. Plans read the gateway
 * and send no write; apply re-plans and runs only the items named.
 */
export function createJdcloudService(deps: JdcloudServiceDeps) {
  const { store, secrets, send, dataDir, onProgress } = deps;
  const now = deps.now ?? (() => new Date());
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const concurrency = Math.max(1, Math.floor(deps.concurrency ?? DEFAULT_CONCURRENCY));
  const account = createAccount({ store, accountSecrets: deps.accountSecrets, now, override: deps.override });
  const journal = applyJournal(dataDir);
  let applying = false;
  let cancelRequested = false;

  async function connection(): Promise<{ credentials: Credentials; client: GatewayApi }> {
    const credentials = await account.credentials();
    const client = createGatewayClient({
      endpoint: credentials.endpoint,
      accessKeyId: credentials.accessKeyId,
      secretKey: credentials.secretKey,
      send,
      now,
      ...(deps.sleep ? { sleep: deps.sleep } : {}),
    });
    return { credentials, client };
  }

  async function planWith(client: GatewayApi, credentials: Credentials, input: PlanInput) {
    const remote = await readRemote(client, credentials.regions, concurrency, () => undefined);
    return makePlan(input, remote, { regions: credentials.regions, endpoint: credentials.endpoint, now: now() });
  }

  return {
    getAccount(): JdAccountView | null {
      return account.view();
    },

    connect: (input: unknown): Promise<JdAccountView> => account.connect(input),

    disconnect: (): Promise<{ disconnected: true }> => account.disconnect(),

    /** One signed read per region: GATEWAY_AUTH_FAILED names the cause and the fix. */
    async checkConnection(): Promise<{ regions: Array<{ region: string; requestId: string; apiGroups: number }> }> {
      const { credentials, client } = await connection();
      const regions = [];
      for (const region of credentials.regions) {
        const replied = await client.describeApiGroups(region);
        regions.push({ region, requestId: replied.requestId, apiGroups: replied.result.length });
      }
      return { regions };
    },

    async pull(options: { keys?: boolean; adoptRemote?: boolean } = {}): Promise<PullReport> {
      const { credentials, client } = await connection();
      return pull({ client, store, secrets, regions: credentials.regions, concurrency, now, ...(onProgress ? { onProgress } : {}) }, options);
    },

    /** Reads the gateway and compares; sends nothing that changes it. */
    async plan(source?: PlanInput): Promise<Plan> {
      const { credentials, client } = await connection();
      return (await planWith(client, credentials, source ?? planInputOf(store.read()))).plan;
    },

    /**
     * Plans again and runs the items named (or all). An item the fresh plan no
     * longer holds is already done. Without a state file (and with a writable
     * store), links and removed tombstones are saved in batches as items finish.
     */
    async apply(itemIds: string[] | 'all', source?: PlanInput): Promise<ApplyReport> {
      if (applying) throw new AppError('RATE_LIMITED', 'An apply to JD Cloud is already running; wait for it to finish or cancel it.', { reason: 'jdApplyRunning' });
      if (itemIds !== 'all') {
        const bad = itemIds.find((id) => !ITEM_ID.test(id));
        if (bad !== undefined) throw new AppError('INVALID_INPUT', `"${bad}" is not an item of a plan (region/action/APIKey).`, { reason: 'jdPlanItemUnknown', params: { itemId: bad } });
      }
      applying = true;
      cancelRequested = false;
      try {
        const { credentials, client } = await connection();
        const { plan, links, staleTombstones } = await planWith(client, credentials, source ?? planInputOf(store.read()));
        // Links are a convenience (the next plan finds them again by APIKey): a store that cannot be written now
        // (read-only, the CLI beside a running app; a conflict) still lets the gateway be brought in line.
        const recording = !source && store.status.state === 'ok';
        const recorder = linkRecorder(store, now);
        if (recording) {
          for (const link of links) recorder.add({ kind: 'link', ...link });
          for (const { region, accessAuthId } of staleTombstones) recorder.add({ kind: 'tombstoneDone', region, accessAuthId });
        }
        const byId = new Map(plan.items.map((item) => [item.id, item]));
        const wanted = itemIds === 'all' ? plan.items.map((item) => item.id) : [...new Set(itemIds)];
        const report = await applyItems({
          client,
          items: wanted.flatMap((id) => byId.get(id) ?? []),
          alreadyDone: wanted.filter((id) => !byId.has(id)),
          concurrency,
          endpoint: credentials.endpoint,
          now,
          cancelled: () => cancelRequested,
          sleep,
          ...(onProgress ? { onProgress } : {}),
          ...(!recording
            ? {}
            : {
                afterItem: async (item, outcome) => {
                  if (item.action === 'deleteAuthorization') {
                    if (outcome.outcome !== 'failed' && item.accessAuthId) recorder.add({ kind: 'tombstoneDone', region: item.region, accessAuthId: item.accessAuthId });
                  } else if (outcome.accessAuthId && item.authorizationId) {
                    recorder.add({ kind: 'link', authorizationId: item.authorizationId, region: item.region, accessAuthId: outcome.accessAuthId, apiKey: item.apiKey });
                  }
                },
              }),
        });
        await recorder.flush();
        await journal.append(report);
        return report;
      } finally {
        applying = false;
      }
    },

    /** Stops starting new items; the running ones finish and the report says what was applied. */
    cancelApply(): { cancelling: boolean } {
      if (applying) cancelRequested = true;
      return { cancelling: applying };
    },

    lastApply: (): Promise<ApplyReport | null> => journal.last(),

    async createKey(fields: { name: string; description: string; region: string }): Promise<AccessKeySummary> {
      const { client } = await connection();
      const { record } = await createRemoteKey({ client, store, secrets, now }, fields);
      return { ...record, secretStatus: 'present', fingerprint: fingerprintOf(record.apiKey) };
    },
  };
}

export type JdcloudService = ReturnType<typeof createJdcloudService>;
