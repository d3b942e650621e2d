import { useMutation } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import type { IpcError, Result } from '../api';
import { ipcErrorOf, IpcFailure, unwrap } from './unwrap';

export interface ResultMutation<I, O> {
  /** Resolves to main's Result, never throws: a form shows the IpcError's fields inline. */
  run(input: I): Promise<Result<O>>;
  pending: boolean;
}

export interface ResultHandlers<I, O> {
  /** Cache updates and UI follow-ups (toast, navigation); awaited before `run` resolves, so a dialog closes on fresh rows. */
  onOk?(data: O, input: I): unknown;
  /** E.g. NOT_FOUND: the record went meanwhile, so the lists are asked again. */
  onFailed?(error: IpcError, input: I): unknown;
  /** Names the mutation for `useIsMutating`, where another component must know it runs. */
  key?: readonly unknown[];
}

/**
 * The one mutation pattern: the call's failed Result becomes the mutation's
 * error (an IpcFailure) for TanStack, and comes back to the caller as a Result.
 * A settled mutation is forgotten at once: its input may hold a secret (a
 * re-entered APISecret), and the cache must not keep it.
 */
export function useResultMutation<I, O>(call: (input: I) => Promise<Result<O>>, handlers: ResultHandlers<I, O> = {}): ResultMutation<I, O> {
  const { mutateAsync, isPending, reset } = useMutation<O, IpcFailure, I>({
    mutationFn: async (input) => unwrap(await call(input)),
    onSuccess: (data, input) => handlers.onOk?.(data, input),
    onError: (failure, input) => handlers.onFailed?.(ipcErrorOf(failure), input),
    mutationKey: handlers.key,
    gcTime: 0,
  });
  const latest = useRef(0);
  const run = useCallback(
    async (input: I): Promise<Result<O>> => {
      const current = ++latest.current;
      try {
        return { ok: true, data: await mutateAsync(input) };
      } catch (error) {
        return { ok: false, error: ipcErrorOf(error) };
      } finally {
        // A newer run is still going: it keeps the mutation (and `pending`) until it settles.
        if (current === latest.current) reset();
      }
    },
    [mutateAsync, reset],
  );
  return { run, pending: isPending };
}
