import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect } from 'vitest';
import type { AccessKeyRecord } from '../../electron/core/access-keys/types';
import type { GatekeyApi } from '../../electron/ipc/contract';
import { App } from '../../renderer/src/App';
import { resetAppStore, useAppStore } from '../../renderer/src/store';
import { startTestBackend, type TestBackend } from '../support/test-backend';

export const STORE_FILE = 'gatekey-store.json';

/** A real backend (temp store, private keychain service) wired in as `window.api`, with a fresh renderer store. */
export async function connectBackend(options: Parameters<typeof startTestBackend>[0] = {}): Promise<TestBackend> {
  const backend = await startTestBackend(options);
  window.api = backend.api;
  resetAppStore();
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

/**
 * Renders the whole app and waits until startup, including the background keychain check, has finished.
 * A fresh data folder is a first run: unless `welcome` is asked for, the welcome is dismissed through
 * main first, as a returning user would have done, so tests of other screens start on the list.
 */
export async function renderApp({ welcome = false }: { welcome?: boolean } = {}) {
  if (!welcome) {
    const dismissed = await window.api.dismissWelcome({});
    if (!dismissed.ok && dismissed.error.code !== 'STORE_UNREADABLE') throw new Error(dismissed.error.message);
  }
  const user = userEvent.setup();
  const view = render(<App />);
  await waitFor(() => {
    const { listStatus, reconcile, appStatus, keychainCheck } = useAppStore.getState();
    expect(listStatus === 'ready' || listStatus === 'error').toBe(true);
    if (appStatus?.store.state === 'ok') expect(reconcile.status === 'done' || reconcile.status === 'failed').toBe(true);
    // The welcome's own keychain probe must finish too: nothing may touch the keychain during clean-up.
    if (appStatus?.firstRun) expect(keychainCheck.status === 'available' || keychainCheck.status === 'failed').toBe(true);
  });
  return { user, ...view };
}

/** `api` with one method replaced, for failures the test machine cannot produce for real. */
export function withOverride<M extends keyof GatekeyApi>(api: GatekeyApi, method: M, replacement: GatekeyApi[M]): GatekeyApi {
  return { ...api, [method]: replacement };
}

/** Waits for a toast and checks it was announced through the polite live region. */
export async function findToast(text: string): Promise<HTMLElement> {
  const toast = await screen.findByText(text);
  expect(toast.closest('[aria-live="polite"]')).not.toBeNull();
  return toast;
}
