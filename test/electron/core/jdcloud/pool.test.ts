import { describe, expect, it } from 'vitest';
import { mapPool, runPool } from '../../../../electron/core/jdcloud/sync/pool';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('pool', () => {
  it('never runs more than the limit at once, and keeps the order of results', async () => {
    let running = 0;
    let most = 0;
    const results = await mapPool([...Array(20).keys()], 3, async (n) => {
      running += 1;
      most = Math.max(most, running);
      await tick();
      running -= 1;
      return n * 2;
    });
    expect(most).toBe(3);
    expect(results).toEqual([...Array(20).keys()].map((n) => n * 2));
  });

  it('stops starting items once told, letting running ones finish, and returns the rest', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    let stop = false;
    const { notStarted } = await runPool(
      [...Array(10).keys()],
      2,
      async (n) => {
        started.push(n);
        await tick();
        finished.push(n);
        if (n === 2) stop = true;
      },
      () => !stop,
    );
    expect(finished.sort()).toEqual(started.sort());
    expect(started.length).toBeLessThan(10);
    expect(notStarted).toEqual([...Array(10).keys()].slice(started.length));
  });

  it('an empty list runs nothing', async () => {
    expect(await runPool([], 4, async () => undefined)).toEqual({ notStarted: [] });
  });
});
