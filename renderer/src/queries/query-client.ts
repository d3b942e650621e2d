import { QueryClient } from '@tanstack/react-query';

/**
 * Server state (records main owns) lives in this cache; zustand keeps only UI
 * state. Nothing goes stale by time: main's events (data changed here, in
 * another Gatekey or by the CLI) invalidate by key; the app's own mutations
 * only patch in what main answered, and ask again for what no event announces.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: Infinity, gcTime: 5 * 60_000, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
    mutations: { retry: false },
  },
});

/** Forgets every cached answer, so one test starts where no other left off (only tests call it). */
export const resetQueryClient = (): void => queryClient.clear();
