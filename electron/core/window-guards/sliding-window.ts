/** What a limiter answers: go ahead, or wait this long before the next try. */
export type LimitDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * At most `limit` events in any `windowMs` (a sliding window, not fixed
 * buckets: a burst at the end of one minute and the start of the next still
 * counts as one minute). The clock is injected so tests never sleep.
 */
export function createSlidingWindowLimiter({ limit, windowMs, now = Date.now }: { limit: number; windowMs: number; now?: () => number }) {
  const taken: number[] = [];
  return {
    /** Takes one slot if there is one; a refused call takes none. */
    take(): LimitDecision {
      const at = now();
      while (taken.length > 0 && at - taken[0]! >= windowMs) taken.shift();
      if (taken.length >= limit) return { allowed: false, retryAfterMs: taken[0]! + windowMs - at };
      taken.push(at);
      return { allowed: true };
    },
  };
}

export type SlidingWindowLimiter = ReturnType<typeof createSlidingWindowLimiter>;
