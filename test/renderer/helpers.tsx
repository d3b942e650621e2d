import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect } from 'vitest';
import type { AccessKeyRecord, AccessKeySummary } from '../../electron/shared/access-keys/types';
import type { AppStatus, GatekeyApi, Input, Method, Output } from '../../electron/ipc/contract';
import type { Result } from '../../electron/ipc/result';
import { App } from '../../renderer/src/App';
import { firstAccessKeyPage } from '../../renderer/src/queries/access-keys';
import { queryKeys } from '../../renderer/src/queries/keys';
import { queryClient, resetQueryClient } from '../../renderer/src/queries/query-client';
import { resetAppStore, useAppStore } from '../../renderer/src/store';
import { startTestBackend, type TestBackend } from '../support/test-backend';

export const STORE_FILE = 'gatekey-store.json';

/** A real backend (temp store, private keychain service) wired in as `window.api`, with a fresh renderer store. */
export async function connectBackend(options: Parameters<typeof startTestBackend>[0] = {}): Promise<TestBackend> {
  const backend = await startTestBackend(options);
  window.api = backend.api;
  resetAppStore();
  resetQueryClient();
  return backend;
}

/** Unmount first, so nothing in the page still talks to the backend while it is torn down. */
export async function disconnect(backend: TestBackend | undefined): Promise<void> {
  cleanup();
  await backend?.cleanup();
}

/** A temp data folder holding a store file with exactly these records (their secrets are not in the keychain). */
export async function dataDirWith(records: AccessKeyRecord[]): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), 'gatekey-renderer-'));
  await writeFile(join(dataDir, STORE_FILE), JSON.stringify({ schemaVersion: 1, accessKeys: records }));
  return dataDir;
}

export const record = (overrides: Partial<AccessKeyRecord> & Pick<AccessKeyRecord, 'id' | 'name'>): AccessKeyRecord => ({
  description: '',
  apiKey: overrides.id.toUpperCase().padEnd(32, '0'),
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
  ...overrides,
});

/** Main has answered this query (data or error) and nothing is asking it again. */
function answered(queryKey: readonly unknown[]): boolean {
  const state = queryClient.getQueryState(queryKey);
  return (state?.status === 'success' || state?.status === 'error') && state.fetchStatus === 'idle';
}

/**
 * Renders the whole app and waits until startup, including the background keychain check, has finished.
 * A fresh data folder is a first run: unless `welcome` is asked for, the welcome is dismissed through
 * main first, as a returning user would have done, so tests of other screens start on the list.
 */
export async function renderApp({ welcome = false }: { welcome?: boolean } = {}) {
  if (!welcome) {
    const dismissed = await window.api.app.dismissWelcome({});
    if (!dismissed.ok && dismissed.error.code !== 'STORE_UNREADABLE') throw new Error(dismissed.error.message);
  }
  const user = userEvent.setup();
  const view = render(<App />);
  await waitFor(() => {
    expect(answered(firstAccessKeyPage.queryKey)).toBe(true);
    const appStatus = queryClient.getQueryData<AppStatus>(queryKeys.app.status);
    expect(appStatus ?? answered(queryKeys.app.status)).toBeTruthy();
    if (appStatus?.store.state === 'ok') expect(answered(queryKeys.keychain.reconcile)).toBe(true);
    // The welcome's own keychain probe must finish too: nothing may touch the keychain during clean-up.
    if (appStatus?.firstRun) expect(answered(queryKeys.app.keychainProbe)).toBe(true);
  });
  return { user, ...view };
}

/** The access keys of the list's first window as the window holds it (newest first, no search). */
export const cachedAccessKeys = (): AccessKeySummary[] => queryClient.getQueryData(firstAccessKeyPage.queryKey)?.rows ?? [];

/**
 * Everything the window keeps beyond one component's state, as text: the UI store, every
 * cached query answer and every mutation's input and answer. A secret must never be in it.
 */
export function heldByTheWindow(): string {
  const queries = queryClient.getQueryCache().getAll().map((query) => [query.queryKey, query.state.data]);
  const mutations = queryClient.getMutationCache().getAll().map((mutation) => [mutation.state.variables, mutation.state.data]);
  return JSON.stringify({ store: useAppStore.getState(), queries, mutations });
}

/** The window's last keychain reconcile, as KeychainNotices and Health read it. */
export function reconcileStatus(): 'idle' | 'running' | 'done' | 'failed' {
  const state = queryClient.getQueryState(queryKeys.keychain.reconcile);
  if (state?.fetchStatus === 'fetching') return 'running';
  return state?.status === 'success' ? 'done' : state?.status === 'error' ? 'failed' : 'idle';
}

/** `api` with one method replaced, for failures the test machine cannot produce for real. */
export function withOverride<M extends Method>(api: GatekeyApi, method: M, replacement: (input: Input<M>) => Promise<Result<Output<M>>>): GatekeyApi {
  const [namespace, name] = method.split('.') as [keyof GatekeyApi, string];
  return { ...api, [namespace]: { ...api[namespace], [name]: replacement } };
}

/** Waits for a toast and checks it was announced through the polite live region. */
export async function findToast(text: string): Promise<HTMLElement> {
  // Looked up afresh on each try: a toast raised while a dialog closes shows in that dialog's region first, then in the app's.
  return waitFor(() => {
    const toast = screen.getByText(text);
    expect(toast.closest('[aria-live="polite"]')).not.toBeNull();
    return toast;
  });
}
