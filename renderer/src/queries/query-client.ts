import { QueryClient } from '@tanstack/react-query';

/**
 * Server state (records main owns) lives in this cache; zustand keeps only UI
 * state. Nothing goes stale by time: main's events (data changed here, in
 * another Gatekey or by the CLI) and the app's own mutations invalidate by key.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: Infinity, gcTime: 5 * 60_000, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
    mutations: { retry: false },
  },
});

/** Forgets every cached answer (tests; a restored backup). */
export const resetQueryClient = (): void => queryClient.clear();
