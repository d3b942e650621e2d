import type { ApplyItemResult, ApplyOutcome, ApplyReport, PlanItem } from '../../../shared/jdcloud/types';
import type { GatewayApi } from '../gateway-api';
import { runItem, type ItemOutcome } from './apply-item';
import { runPool } from './pool';

export interface ApplyRun {
  client: GatewayApi;
  /** Items of the fresh plan that were asked for. */
  items: PlanItem[];
  /** Asked-for IDs the fresh plan no longer holds: nothing left to do for them. */
  alreadyDone: string[];
  concurrency: number;
  endpoint: string;
  now: () => Date;
  /** Asked before each item starts; true stops starting new ones (running ones finish). */
  cancelled: () => boolean;
  /** Waits between a write's attempts after an unclear failure. */
  sleep: (ms: number) => Promise<void>;
  /** After each item, before progress is reported: records links and removed tombstones. */
  afterItem?: (item: PlanItem, outcome: ItemOutcome) => Promise<void>;
  onProgress?: (p: { task: 'jdApply'; done: number; total: number; failed?: number }) => void;
}

const outcomes: ApplyOutcome[] = ['applied', 'alreadyDone', 'failed', 'notRun'];
/** The gateway refused the account itself, not the item: no later item can fare better. */
const REFUSED_CREDENTIALS = new Set(['jdAuthRefused', 'jdForbidden']);

/** Runs the items with bounded concurrency; every asked-for item ends in the report with its outcome. */
export async function applyItems(run: ApplyRun): Promise<ApplyReport> {
  const startedAt = run.now().toISOString();
  const results = new Map<string, ApplyItemResult>();
  for (const itemId of run.alreadyDone) results.set(itemId, { itemId, outcome: 'alreadyDone', requestIds: [], attempts: 0 });
  let done = 0;
  let failed = 0;
  const total = run.items.length;
  run.onProgress?.({ task: 'jdApply', done, total, failed });

  // Items of one caller in one region run one after another (a description and a bind of the same
  // authorization never race); callers run side by side, `concurrency` at a time.
  const chains = chainsOf(run.items);
  // Credentials the gateway refuses (401/403) will be refused for every item: stop as a cancel would, with the cause.
  let stoppedBy: ApplyItemResult['error'] | undefined;
  const stopping = () => run.cancelled() || stoppedBy !== undefined;
  await runPool(
    chains,
    run.concurrency,
    async (chain) => {
      for (const item of chain) {
        if (stopping()) return; // the rest of the chain stays not run
        const outcome = await runItem(run.client, item, run.sleep);
        const { accessAuthId: _link, ...result } = outcome;
        results.set(item.id, result);
        await run.afterItem?.(item, outcome);
        done += 1;
        if (outcome.outcome === 'failed') failed += 1;
        if (outcome.error && REFUSED_CREDENTIALS.has(outcome.error.reason)) stoppedBy ??= outcome.error;
        run.onProgress?.({ task: 'jdApply', done, total, failed });
      }
    },
    () => !stopping(),
  );
  // Chains never started, and the rest of chains stopped part-way.
  for (const item of run.items) if (!results.has(item.id)) results.set(item.id, { itemId: item.id, outcome: 'notRun', requestIds: [], attempts: 0 });

  const ordered = [...run.items.map((item) => results.get(item.id)!), ...run.alreadyDone.map((id) => results.get(id)!)];
  const counts = Object.fromEntries(outcomes.map((o) => [o, ordered.filter((r) => r.outcome === o).length])) as Record<ApplyOutcome, number>;
  return {
    startedAt,
    finishedAt: run.now().toISOString(),
    endpoint: run.endpoint,
    cancelled: run.items.some((item) => results.get(item.id)?.outcome === 'notRun') || run.cancelled(),
    ...(stoppedBy ? { stoppedBy } : {}),
    items: run.items,
    results: ordered,
    counts,
    concurrency: run.concurrency,
  };
}

/** The items grouped by caller and region, in plan order (Map.groupBy needs Node 21). */
function chainsOf(items: readonly PlanItem[]): PlanItem[][] {
  const chains = new Map<string, PlanItem[]>();
  for (const item of items) {
    const key = `${item.region}/${item.apiKey}`;
    const chain = chains.get(key);
    if (chain) chain.push(item);
    else chains.set(key, [item]);
  }
  return [...chains.values()];
}
