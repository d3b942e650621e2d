import type { RefusalSummary, SecretAccessAction } from './secret-access-log';

/** A coalesced line names at most this many keys: enough to see what was tried, never a flood. */
const MAX_KEY_IDS = 20;

/**
 * Counts refused reveals and copies so the log gets one "refused ×N since T"
 * line per limiter window instead of one per call: a page hammering the
 * budget must not fill the log (and rotate the real reveals out of it), nor
 * queue a write per refusal. The clock is injected so tests never sleep.
 */
export function createRefusalTally({ windowMs, now }: { windowMs: number; now: () => number }) {
  let pending: { since: number; count: number; actions: Set<SecretAccessAction>; keyIds: Set<string> } | null = null;
  let lastWrittenAt = Number.NEGATIVE_INFINITY;

  function take(at: number): RefusalSummary | null {
    if (!pending) return null;
    const summary: RefusalSummary = {
      outcome: 'refused: RATE_LIMITED',
      count: pending.count,
      since: new Date(pending.since).toISOString(),
      actions: [...pending.actions],
      keyIds: [...pending.keyIds],
    };
    pending = null;
    lastWrittenAt = at;
    return summary;
  }

  return {
    /** Counts one refusal; answers the line to write now, or null when this window already has its line. */
    add(action: SecretAccessAction, keyId: string): RefusalSummary | null {
      const at = now();
      pending ??= { since: at, count: 0, actions: new Set(), keyIds: new Set() };
      pending.count += 1;
      pending.actions.add(action);
      if (pending.keyIds.size < MAX_KEY_IDS) pending.keyIds.add(keyId);
      return at - lastWrittenAt >= windowMs ? take(at) : null;
    },
    /** What was counted and not yet written, once this window's line is a window old (before another line goes in, or by a timer). */
    flush(): RefusalSummary | null {
      const at = now();
      return at - lastWrittenAt >= windowMs ? take(at) : null;
    },
    /** Whether refusals are waiting for their line. */
    get pending(): boolean {
      return pending !== null;
    },
  };
}

export type RefusalTally = ReturnType<typeof createRefusalTally>;
