import type { QueryClient } from '@tanstack/react-query';
import type { DataTopic } from '../../../electron/ipc/contract';

/**
 * Waits for the refetches main's `dataChanged` event started (it arrives before
 * the reply to the write that caused it), so a dialog closes on fresh rows
 * without asking main a second time. Queries not on screen have nothing running:
 * the event marked them stale, and they are asked when next shown.
 */
export async function topicsSettled(queries: QueryClient, topics: readonly DataTopic[]): Promise<void> {
  const running = topics.flatMap((topic) => queries.getQueryCache().findAll({ queryKey: [topic], fetchStatus: 'fetching' }));
  // A failed refetch shows on its own screen; the write itself succeeded.
  await Promise.all(running.map((query) => query.promise?.then(undefined, () => undefined)));
}
