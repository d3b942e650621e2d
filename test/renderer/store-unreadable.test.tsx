import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import type { TestBackend } from '../support/test-backend';
import { connectBackend, disconnect, reconcileStatus, renderApp, STORE_FILE } from './helpers';

let backend: TestBackend | undefined;
afterEach(() => disconnect(backend));

it('names the unreadable data file and its problem, says it was left untouched, and blocks creating (recovery screen)', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'gatekey-corrupt-'));
  const file = join(dataDir, STORE_FILE);
  const corrupt = '{"schemaVersion": 1, "accessKeys": [';
  await writeFile(file, corrupt);
  backend = await connectBackend({ dataDir });
  const { user } = await renderApp();

  const banner = await screen.findByRole('alert');
  expect(banner.textContent).toContain('Gatekey cannot read its data file');
  expect(banner.textContent).toContain(file);
  expect(banner.textContent).toContain('not valid JSON');
  expect(banner.textContent).toContain('left untouched');

  // The recovery screen replaces the list: nothing to create from.
  screen.getByRole('heading', { level: 1, name: 'Recover your data' });
  expect(screen.queryByRole('button', { name: 'Create Access Key' })).toBeNull();
  // No backup exists, so none is offered.
  expect(screen.queryByRole('button', { name: 'Restore newest backup' })).toBeNull();
  await user.keyboard('{Control>}n{/Control}');
  expect(screen.queryByRole('dialog')).toBeNull();
  // The background keychain check is skipped: it would only fail on the same file.
  expect(reconcileStatus()).toBe('idle');
  expect(await readFile(file, 'utf8')).toBe(corrupt);
});
