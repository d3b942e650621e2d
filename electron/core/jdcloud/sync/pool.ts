/**
 * Runs `work` over `items` with at most `limit` at once, in order of start.
 * `shouldStart` is asked before each item starts: once it answers false no
 * further item starts (the running ones finish), and the rest are returned.
 */
export async function runPool<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
  shouldStart: () => boolean = () => true,
): Promise<{ notStarted: T[] }> {
  let next = 0;
  let stopped = false;
  async function lane(): Promise<void> {
    while (next < items.length) {
      if (stopped || !shouldStart()) {
        stopped = true;
        return;
      }
      const at = next++;
      try {
        await work(items[at]!, at);
      } catch (error) {
        stopped = true; // a failure ends the pool: no new item starts
        throw error;
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return { notStarted: items.slice(next) };
}

/** Like Promise.all over a mapping, with at most `limit` promises pending. */
export async function mapPool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  await runPool(items, limit, async (item, at) => {
    results[at] = await work(item);
  });
  return results;
}
