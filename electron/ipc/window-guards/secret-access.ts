import type { AccessKeyService } from '../../core/access-keys/service';
import { AppError } from '../../shared/errors';
import type { RefusalTally } from '../../core/window-guards/refusal-tally';
import type { RefusalSummary, SecretAccessAction, SecretAccessEntry, SecretAccessLog } from '../../core/window-guards/secret-access-log';
import type { SlidingWindowLimiter } from '../../core/window-guards/sliding-window';
import type { FlatHandlers } from '../dispatch';

/** Only the methods that hand out an APISecret. Handoff text carries the APIKey only: it is not counted. */
type SecretMethods = 'accessKeys.revealSecret' | 'accessKeys.copySecret';

/** A person reads or pastes a few secrets a minute; a script in a compromised page would take all of them. */
export const SECRET_ACCESS_LIMIT = 5;
export const SECRET_ACCESS_WINDOW_MS = 60_000;

export interface SecretAccessDeps {
  accessKeys: AccessKeyService;
  /** One budget for every way a secret leaves main (show, copy): the budget is per secret, not per button. */
  limiter: SlidingWindowLimiter;
  /** Refusals are counted here and written as one line per window. */
  refusals: RefusalTally;
  log: SecretAccessLog;
}

/**
 * Every reveal and copy of an APISecret is counted against a sliding budget
 * (SECRET_ACCESS_LIMIT a minute) and recorded in the secret-access log before
 * the secret goes back to the window. Refusals are recorded too, coalesced
 * (one line per window, never awaited): a refused call gives nothing away, and
 * thousands of them must neither fill the log nor queue thousands of writes.
 */
export function limitSecretAccess(handlers: Pick<FlatHandlers, SecretMethods>, { accessKeys, limiter, refusals, log }: SecretAccessDeps): Pick<FlatHandlers, SecretMethods> {
  let backstop: NodeJS.Timeout | undefined;

  function write(entry: SecretAccessEntry | RefusalSummary): Promise<void> {
    return log.record(entry).catch((error: unknown) => {
      // Recording must not lock the user out of their own secrets (a read-only data folder); say so instead.
      console.error('Gatekey: could not write the secret-access log', error instanceof Error ? error.name : 'error');
    });
  }

  function flushRefusals(): Promise<void> {
    const summary = refusals.flush();
    return summary ? write(summary) : Promise.resolve();
  }

  async function record(action: SecretAccessAction, keyId: string, outcome: string): Promise<void> {
    // Refusals counted so far go in first, so the log stays in order.
    void flushRefusals();
    const name = nameOf(accessKeys, keyId);
    await write({ action, keyId, ...(name === undefined ? {} : { name }), outcome });
  }

  function refuse(action: SecretAccessAction, keyId: string): void {
    const summary = refusals.add(action, keyId);
    if (summary) void write(summary);
    armBackstop();
  }

  // A burst that stops is still written once its window is over, even if nothing else happens.
  function armBackstop(): void {
    if (!refusals.pending || backstop) return;
    backstop = setTimeout(() => {
      backstop = undefined;
      void flushRefusals();
      armBackstop();
    }, SECRET_ACCESS_WINDOW_MS);
    backstop.unref();
  }

  function guarded<T>(action: SecretAccessAction, run: (input: { id: string }) => Promise<T> | T) {
    return async (input: { id: string }): Promise<T> => {
      const decision = limiter.take();
      if (!decision.allowed) {
        refuse(action, input.id);
        const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
        throw new AppError('RATE_LIMITED', `Gatekey shows or copies at most ${SECRET_ACCESS_LIMIT} APISecrets a minute. Try again in ${seconds} s.`, {
          reason: 'secretAccessLimited',
          params: { limit: SECRET_ACCESS_LIMIT, seconds },
        });
      }
      try {
        const output = await run(input);
        await record(action, input.id, 'done');
        return output;
      } catch (error) {
        await record(action, input.id, `failed: ${error instanceof AppError ? error.code : 'INTERNAL'}`);
        throw error;
      }
    };
  }

  return {
    'accessKeys.revealSecret': guarded('reveal', handlers['accessKeys.revealSecret']),
    'accessKeys.copySecret': guarded('copy', handlers['accessKeys.copySecret']),
  };
}

function nameOf(accessKeys: AccessKeyService, id: string): string | undefined {
  try {
    return accessKeys.get(id).name;
  } catch {
    return undefined;
  }
}
