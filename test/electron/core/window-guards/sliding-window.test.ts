import { describe, expect, it } from 'vitest';
import { createSlidingWindowLimiter } from '../../../../electron/core/window-guards/sliding-window';

describe('createSlidingWindowLimiter', () => {
  it('allows `limit` events in any window and says how long until the next slot', () => {
    let now = 1_000;
    const limiter = createSlidingWindowLimiter({ limit: 3, windowMs: 60_000, now: () => now });
    expect([limiter.take(), limiter.take(), limiter.take()]).toEqual(Array(3).fill({ allowed: true }));
    now += 15_000;
    expect(limiter.take()).toEqual({ allowed: false, retryAfterMs: 45_000 });
  });

  it('slides: an event frees its slot exactly one window later, and refusals take no slot', () => {
    let now = 0;
    const limiter = createSlidingWindowLimiter({ limit: 2, windowMs: 1_000, now: () => now });
    limiter.take();
    now = 500;
    limiter.take();
    for (let i = 0; i < 100; i += 1) expect(limiter.take().allowed).toBe(false);
    now = 999;
    expect(limiter.take()).toEqual({ allowed: false, retryAfterMs: 1 });
    now = 1_000;
    expect(limiter.take()).toEqual({ allowed: true });
    expect(limiter.take()).toEqual({ allowed: false, retryAfterMs: 500 });
  });

  it('a burst across a minute boundary is still counted as one minute (no fixed buckets)', () => {
    let now = 59_000;
    const limiter = createSlidingWindowLimiter({ limit: 5, windowMs: 60_000, now: () => now });
    for (let i = 0; i < 5; i += 1) expect(limiter.take().allowed).toBe(true);
    now = 61_000;
    expect(limiter.take().allowed).toBe(false);
  });
});
