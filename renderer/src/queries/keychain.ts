import { queryOptions, skipToken, useQuery } from '@tanstack/react-query';
import type { ReconcileReport } from '../../../electron/shared/access-keys/types';
import { client, type IpcError } from '../api';
import { isUnreadable, keychainStateOf, type KeychainState } from '../keychain-state';
import { useAppStore } from '../store';
import { refreshAccessKeys, setSecretStatus } from './access-keys';
import { storeReadOnly } from './app';
import { queryKeys } from './keys';
import { queryClient } from './query-client';
import { IpcFailure, ipcErrorOf } from './unwrap';

/*
 * What main says of the OS keychain, in the query cache: its state (from a
 * check, a reconcile report, a keychain call that failed, or main's
 * `keychainState` event) and the last reconcile report. Neither is fetched on
 * mount: start-up, "Check again", Health and the fixes run them, as before.
 */

// --- Keychain state ---

// Only ever set (learnKeychainState), never fetched: a plain check must not announce "ready" before the reconcile does.
const keychainStateQuery = queryOptions<KeychainState>({ queryKey: queryKeys.keychain.state, queryFn: skipToken });

/** What main last said about the keychain; null until known. */
export const useKeychainState = (): KeychainState | null => useQuery(keychainStateQuery).data ?? null;

/** Takes a state main reported; says so when a keychain that could not be read can be read again. */
export function learnKeychainState(keychain: KeychainState): void {
  const before = queryClient.getQueryData(keychainStateQuery.queryKey);
  queryClient.setQueryData(keychainStateQuery.queryKey, keychain);
  if (isUnreadable(before) && keychain.state === 'ready') useAppStore.getState().showToast('The OS keychain can be read again');
}

/**
 * A keychain call (Show, Copy, a Test Call, a delete) failed. SECRET_MISSING marks that key missing; a locked,
 * slow or absent keychain marks it unreadable (never missing) and shows in the notice.
 */
export function noteKeychainError(error: IpcError, accessKeyId?: string): void {
  if (error.code === 'SECRET_MISSING' && accessKeyId) setSecretStatus(accessKeyId, 'missing');
  const keychain = keychainStateOf(error);
  if (!keychain) return;
  if (accessKeyId) setSecretStatus(accessKeyId, 'unreadable');
  useAppStore.getState().showReconcileNotice();
  learnKeychainState(keychain);
}

/** A keychain call just worked: if Gatekey still thinks the keychain cannot be read, it looks again, so notice and badges follow. */
export function keychainAnswered(): void {
  if (isUnreadable(queryClient.getQueryData(keychainStateQuery.queryKey))) void recheckKeychain();
}

// --- Reconcile ---

export interface ReconcileOptions {
  /** Forces the slow whole-keychain scan for orphan entries (Health); without it main skips it for large keychains. */
  includeOrphans?: boolean;
}

// A newer reconcile replaced this one: only its answer may be learnt from.
const replaced = () => new IpcFailure({ code: 'INTERNAL', message: 'Replaced by a newer keychain check.' });

async function runReconcile({ includeOrphans }: ReconcileOptions, signal: AbortSignal): Promise<ReconcileReport> {
  useAppStore.getState().showReconcileNotice();
  const result = await client.keychain.reconcile(includeOrphans === undefined ? {} : { includeOrphans });
  if (signal.aborted) throw replaced();
  if (!result.ok) {
    const keychain = keychainStateOf(result.error);
    if (keychain) learnKeychainState(keychain);
    throw new IpcFailure(result.error);
  }
  // The list first, so the notice and the badges ("secret missing", "keychain locked") change together.
  await refreshAccessKeys();
  if (signal.aborted) throw replaced();
  learnKeychainState(result.data.keychain);
  return result.data;
}

const reconcileQuery = queryOptions<ReconcileReport>({
  queryKey: queryKeys.keychain.reconcile,
  queryFn: ({ signal }) => runReconcile({}, signal),
  enabled: false,
});

/**
 * Compares keychain and store; afterwards the list carries each key's secret
 * status. A newer call replaces one still running. Never rejects: a failure is
 * the report's error state.
 */
export async function reconcileKeychain(options: ReconcileOptions = {}): Promise<void> {
  await queryClient.cancelQueries({ queryKey: reconcileQuery.queryKey });
  try {
    await queryClient.fetchQuery({ ...reconcileQuery, queryFn: ({ signal }) => runReconcile(options, signal), staleTime: 0 });
  } catch {
    // Shown from the query's state (notice, Health); a replaced run has nothing to say.
  }
}

/** "Check again": the keychain's state first (cheap), then a reconcile so every key's status follows. */
export async function recheckKeychain(options: ReconcileOptions = {}): Promise<void> {
  const ui = useAppStore.getState();
  ui.showReconcileNotice();
  ui.setKeychainChecking(true);
  try {
    const state = await client.keychain.getState({});
    // A read-only instance never reconciles (start-up skips it too); the state alone is all it can learn.
    if (storeReadOnly()) {
      if (state.ok) learnKeychainState(state.data);
      return;
    }
    // Unreadable shows at once; readable again waits for the reconcile, so the notice and the
    // badges change together.
    if (state.ok && state.data.state !== 'ready') learnKeychainState(state.data);
    await reconcileKeychain(options);
  } finally {
    useAppStore.getState().setKeychainChecking(false);
  }
}

export type ReconcileState =
  | { status: 'idle' | 'running' }
  | { status: 'done'; report: ReconcileReport }
  | { status: 'failed'; error: IpcError };

/** The latest reconcile as it stands, and the last report that finished (kept on screen while a new one runs). */
export function useReconcile(): { reconcile: ReconcileState; lastReport: ReconcileReport | undefined } {
  const { data, error, status, fetchStatus } = useQuery(reconcileQuery);
  let reconcile: ReconcileState;
  if (fetchStatus === 'fetching') reconcile = { status: 'running' };
  else if (status === 'error') reconcile = { status: 'failed', error: ipcErrorOf(error) };
  else if (status === 'success') reconcile = { status: 'done', report: data };
  else reconcile = { status: 'idle' };
  return { reconcile, lastReport: data };
}

/** A "Check again" or a reconcile is running: retry buttons say "Checking…". */
export function useKeychainBusy(): boolean {
  const checking = useAppStore((s) => s.keychainChecking);
  return useReconcile().reconcile.status === 'running' || checking;
}
