import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useAppStore } from '../../renderer/src/store';
import { startTestBackend, type TestBackend } from '../support/test-backend';
import { storeText } from '../support/store-records';
import { blockSaves } from '../support/store-files';
import { App } from '../../renderer/src/App';
import { connectBackend, disconnect, reconcileStatus, renderApp, STORE_FILE, withOverride } from './helpers';
import { openSection, rowWith } from './provider-helpers';

// Main's events in the whole app against the real backend: what another Gatekey or
// another program does to the data folder reaches the screen with no user action.

let backend: TestBackend | undefined;
let writer: TestBackend | undefined;
afterEach(async () => {
  await disconnect(backend);
  await writer?.cleanup();
  backend = writer = undefined;
});

function ok<T>(result: { ok: true; data: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

describe('a read-only Gatekey beside the one that writes', () => {
  it('shows the other one’s new and deleted keys in the open list by itself', async () => {
    writer = await startTestBackend();
    ok(await writer.api.app.dismissWelcome({}));
    ok(await writer.api.accessKeys.create({ name: 'first', description: '' }));
    backend = await connectBackend({ dataDir: writer.dataDir, service: writer.service });
    await renderApp({ welcome: true });
    await screen.findByRole('status', { name: 'Read-only: Gatekey will not change its data file' });
    await screen.findByRole('button', { name: 'first' });

    const second = ok(await writer.api.accessKeys.create({ name: 'made-elsewhere', description: '' }));
    await screen.findByRole('button', { name: 'made-elsewhere' });
    ok(await writer.api.accessKeys.delete({ id: second.id }));
    await expect.poll(() => screen.queryByRole('button', { name: 'made-elsewhere' })).toBeNull();
    expect(screen.getByRole('button', { name: 'first' })).toBeTruthy();
  });

  it('shows the other one’s new authorization and its bound group in the open Access Authorization list', async () => {
    writer = await startTestBackend();
    ok(await writer.api.app.dismissWelcome({}));
    backend = await connectBackend({ dataDir: writer.dataDir, service: writer.service });
    const { user } = await renderApp({ welcome: true });
    await openSection(user, 'Access Authorization');

    const group = ok(await writer.api.apiGroups.create({ name: 'orders-api', description: '', region: 'cn-north-1', environment: 'test', host: 'xv3xbwah945y.cn-north-1.jdcloud-api.net' }));
    const authorization = ok(await writer.api.authorizations.create({ callerKey: 'a280dc988b22', description: 'partner' }));
    await screen.findByText('a280dc988b22');
    expect(rowWith('a280dc988b22').textContent).not.toContain('orders-api');
    ok(await writer.api.authorizations.setBindings({ id: authorization.id, groupIds: [group.id] }));
    await waitFor(() => expect(rowWith('a280dc988b22').textContent).toContain('orders-api'));
  });
});

describe('the writing Gatekey', () => {
  it('a status change while the first status answer is still on its way is not lost', async () => {
    backend = await connectBackend();
    ok(await backend.api.app.dismissWelcome({}));
    const real = backend.api.app.getStatus;
    let deliver: () => void = () => undefined;
    const delivered = new Promise<void>((resolve) => (deliver = resolve));
    let asked = 0;
    // The first answer is computed at once (all saved) and reaches the window late.
    window.api = withOverride(backend.api, 'app.getStatus', async (input) => {
      const answer = await real(input);
      if (++asked === 1) await delivered;
      return answer;
    });
    render(<App />);
    await expect.poll(() => asked).toBe(1);

    // Saves fail for real (an immutable data folder and journal) until unblocked.
    const unblock = await blockSaves(backend.dataDir);
    try {
      ok(await backend.api.accessKeys.create({ name: 'kept-in-memory', description: '' })); // main says: not saved
      deliver();
      await screen.findByText(/Not saved yet/);
    } finally {
      await unblock();
    }
    await waitFor(() => expect(reconcileStatus()).not.toBe('running'));
  });

  it('asks at once when another program changes its data file, before any save finds out', async () => {
    backend = await connectBackend();
    await renderApp();
    ok(await backend.api.accessKeys.create({ name: 'mine', description: '' }));
    await screen.findByRole('button', { name: 'mine' });

    await writeFile(join(backend.dataDir, STORE_FILE), storeText(7));
    const dialog = await screen.findByRole('alertdialog', { name: 'The data file was changed by another program' });
    expect(dialog.textContent).toContain('did not overwrite it');
    // Nothing was taken from their file until the user chooses.
    expect(screen.getByRole('button', { name: 'mine' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'key-7' })).toBeNull();
  });

  it('follows an import’s progress from main, and forgets it once the import is done', async () => {
    const caller = await startTestBackend();
    const candidates = [];
    try {
      for (const name of ['one', 'two']) {
        const key = ok(await caller.api.accessKeys.create({ name, description: '' }));
        ok(await caller.api.keyFiles.copyHandoffText({ id: key.id }));
        candidates.push({ source: name, kind: 'handoff' as const, text: caller.clipboard.text });
      }
    } finally {
      await caller.cleanup();
    }
    backend = await connectBackend();
    await renderApp();
    const seen: unknown[] = [];
    const stop = useAppStore.subscribe((state, before) => {
      if (state.progress !== before.progress) seen.push(state.progress.importKeys ?? null);
    });
    try {
      ok(await window.api.keyFiles.import({ candidates }));
    } finally {
      stop();
    }
    expect(seen).toEqual([{ done: 0, total: 2 }, { done: 1, total: 2 }, null]);
    expect(useAppStore.getState().progress).toEqual({});
  });
});
