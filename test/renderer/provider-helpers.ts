import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import type { Input } from '../../electron/ipc/contract';
import type { Result } from '../../electron/ipc/result';
import type { TestBackend } from '../support/test-backend';
import { renderApp } from './helpers';

/** The data of an ok Result, or a thrown error naming the failure (test set-up only). */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

let hostCounter = 0;

export async function seedGroup(backend: TestBackend, fields: Partial<Input<'apiGroups.create'>> & { name: string }) {
  hostCounter += 1;
  return unwrap(
    await backend.api.apiGroups.create({
      description: '',
      region: 'cn-north-1',
      environment: 'online',
      host: `svc${hostCounter}.cn-north-1.jdcloud-api.net`,
      ...fields,
    }),
  );
}

export async function seedAuthorization(backend: TestBackend, callerKey: string, description = '') {
  return unwrap(await backend.api.authorizations.create({ callerKey, description }));
}

/** Opens a section from the left menu and waits for its heading. */
export async function openSection(user: UserEvent, label: 'Access Key' | 'Access Authorization' | 'API Groups') {
  await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: label }));
  await screen.findByRole('heading', { level: 1, name: label });
}

/** The table row whose text contains `text`. */
export function rowWith(text: string): HTMLElement {
  const row = screen.getAllByRole('row').find((r) => r.textContent?.includes(text));
  if (!row) throw new Error(`No row contains "${text}"`);
  return row;
}

/**
 * The whole app, started, past the first-run welcome (a fresh data folder is a first run).
 * Dismissed up front through main, so the welcome's keychain probe never runs: it races the
 * startup keychain reconcile, which libsecret can answer by aborting the test worker.
 */
export async function startApp() {
  unwrap(await window.api.app.dismissWelcome({}));
  return renderApp();
}
