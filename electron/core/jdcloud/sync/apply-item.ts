import { AppError } from '../../../shared/errors';
import { AUTH_USER_TYPE } from '../../../shared/jdcloud/account';
import type { ApplyItemResult, PlanItem } from '../../../shared/jdcloud/types';
import { gatewayStatusOf, isUnclear } from '../client/index';
import type { GatewayApi, Replied } from '../gateway-api';
import { keepingRequestIds } from './request-ids';

/** Tries of one write, counting the ones whose outcome had to be read back. */
export const MAX_ATTEMPTS = 3;

export interface ItemOutcome extends ApplyItemResult {
  /** The remote authorization the item created or changed (set even when a later step failed: the link is real). */
  accessAuthId?: string;
}

const notResolved = (operation: string) =>
  new AppError('GATEWAY_FAILED', `Gatekey could not confirm ${operation} after ${MAX_ATTEMPTS} attempts: the gateway's state still differs. Plan again to see what is left.`, {
    reason: 'jdNotResolved',
    params: { operation },
  });

/** Back-off before writing again after a failure whose outcome was read back as not landed (the gateway was struggling). */
export const retryDelayMs = (attempt: number): number => Math.min(500 * 2 ** (attempt - 1), 8_000);

/** The same deployments, whatever the order or repeats (a reply listing one twice is still that one). */
function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((id) => right.has(id));
}

/**
 * One plan item against the gateway. The client retries what cannot have
 * landed; what may have (an unclear failure) is resolved here by reading the
 * gateway before any retry, so a create is never made twice.
 */
export async function runItem(client: GatewayApi, item: PlanItem, sleep: (ms: number) => Promise<void>): Promise<ItemOutcome> {
  const { requestIds, call: keeping } = keepingRequestIds();
  let attempts = 0;
  let accessAuthId = item.accessAuthId;
  let outcome: ItemOutcome['outcome'] = 'applied';
  const { region } = item;

  function call<T>(request: () => Promise<Replied<T>>, write = false): Promise<T> {
    if (write) attempts += 1;
    return keeping(request);
  }

  /** Repeats `write` until `landed` says the gateway is in the wanted state, reading it back after each unclear failure. */
  async function settle(operation: string, write: () => Promise<unknown>, landed: () => Promise<boolean>): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await write();
        return;
      } catch (error) {
        if (!isUnclear(error)) throw error;
        if (await landed()) return;
        if (attempt >= MAX_ATTEMPTS) throw notResolved(operation);
        await sleep(retryDelayMs(attempt));
      }
    }
  }

  const remoteNow = async () => (await call(() => client.queryAccessAuths(region))).find((a) => a.accessAuthId === accessAuthId);
  const existing = async () => call(() => client.checkAuthExist(region, AUTH_USER_TYPE, item.apiKey));

  async function create(): Promise<string> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return (await call(() => client.createAccessAuth(region, { authUserType: AUTH_USER_TYPE, accessKey: item.apiKey, description: item.description?.to ?? '' }), true)).accessAuthId;
      } catch (error) {
        // A duplicate means an earlier attempt (or someone else) made it: find it rather than fail.
        const duplicate = gatewayStatusOf(error) === 409;
        if (!isUnclear(error) && !duplicate) throw error;
        const found = await existing();
        if (found) return found;
        if (duplicate || attempt >= MAX_ATTEMPTS) throw notResolved('createAccessAuth');
        await sleep(retryDelayMs(attempt));
      }
    }
  }

  const bind = (wanted: string[]) =>
    settle(
      'bindGroupAuth',
      () => call(() => client.bindGroupAuth(region, accessAuthId!, wanted), true),
      async () => sameSet(await call(() => client.queryBindGroupAuth(region, accessAuthId!)), wanted),
    );

  try {
    switch (item.action) {
      case 'createAuthorization':
        accessAuthId = await create();
        if (item.deploymentIds.length > 0) await bind(item.deploymentIds);
        break;
      case 'updateDescription': {
        const description = item.description?.to ?? '';
        await settle(
          'updateAccessAuth',
          () => call(() => client.updateAccessAuth(region, accessAuthId!, { description }), true),
          async () => (await remoteNow())?.description === description,
        );
        break;
      }
      case 'setBindings':
        await bind(item.deploymentIds);
        break;
      case 'deleteAuthorization':
        try {
          await settle('deleteAccessAuth', () => call(() => client.deleteAccessAuth(region, accessAuthId!), true), async () => (await remoteNow()) === undefined);
        } catch (error) {
          // Gone already (deleted in the console, or by an attempt whose reply was lost).
          if (gatewayStatusOf(error) !== 404) throw error;
          if (attempts === 1) outcome = 'alreadyDone';
        }
        break;
    }
    return { itemId: item.id, outcome, requestIds, attempts, ...(accessAuthId ? { accessAuthId } : {}) };
  } catch (error) {
    return { itemId: item.id, outcome: 'failed', requestIds, attempts, error: errorOf(error), ...(accessAuthId ? { accessAuthId } : {}) };
  }
}

/** The error as a report keeps it: reason, params and words, never a stack (client errors hold no secret). */
export function errorOf(error: unknown): NonNullable<ApplyItemResult['error']> {
  if (error instanceof AppError) return { reason: error.reason, params: error.params, message: error.message };
  return { reason: 'internal', params: {}, message: error instanceof Error ? error.message : String(error) };
}
