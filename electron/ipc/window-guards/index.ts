import { join } from 'node:path';
import type { AccessKeyService } from '../../core/access-keys/service';
import type { RecordStore } from '../../core/ports/record-store';
import { createConfirmGate, type UserPresence } from '../../core/window-guards/confirmation';
import { createRefusalTally } from '../../core/window-guards/refusal-tally';
import { createSecretAccessLog, SECRET_ACCESS_LOG_FILE } from '../../core/window-guards/secret-access-log';
import { createSlidingWindowLimiter } from '../../core/window-guards/sliding-window';
import type { FlatHandlers } from '../dispatch';
import { confirmDestructive } from './destructive';
import { guardJdcloud } from './jdcloud';
import { limitSecretAccess, SECRET_ACCESS_LIMIT, SECRET_ACCESS_WINDOW_MS } from './secret-access';
import { requireStartedTestCall } from './test-call-consent';

export interface WindowGuardDeps {
  accessKeys: AccessKeyService;
  presence: UserPresence;
  /** The records: main's JD Cloud questions name the connected account from them, not from the page. */
  store: RecordStore;
  /** The data folder: the secret-access log lives beside the store. */
  dataDir: string;
  /** Milliseconds since the epoch; tests pass their own clock. */
  now?: () => number;
}

/**
 * Treats the window as possibly hostile (an injected script calls window.api
 * freely): main, not the page, decides whether a secret may be destroyed,
 * shown, copied or used to sign a request. The backend serves one window
 * (main trusts only the app window's main frame), so these budgets are per window.
 */
export function withWindowGuards(handlers: FlatHandlers, { accessKeys, presence, store, dataDir, now = Date.now }: WindowGuardDeps): FlatHandlers {
  const gate = createConfirmGate((question) => presence.confirm(question));
  const limiter = createSlidingWindowLimiter({ limit: SECRET_ACCESS_LIMIT, windowMs: SECRET_ACCESS_WINDOW_MS, now });
  const refusals = createRefusalTally({ windowMs: SECRET_ACCESS_WINDOW_MS, now });
  const log = createSecretAccessLog({ file: join(dataDir, SECRET_ACCESS_LOG_FILE), now: () => new Date(now()) });
  return {
    ...handlers,
    ...confirmDestructive(handlers, accessKeys, gate),
    ...limitSecretAccess(handlers, { accessKeys, limiter, refusals, log }),
    ...requireStartedTestCall(handlers, { accessKeys, presence, gate, now }),
    ...guardJdcloud(handlers, { store, presence, gate }),
  };
}
