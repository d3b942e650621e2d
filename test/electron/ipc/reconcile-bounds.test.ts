import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { boundedReport } from '../../../electron/ipc/handlers/keychain';
import { MAX_WINDOW_ROWS } from '../../../electron/shared/lists/window';
import { storeOfScale } from '../../bench/scale-data';
import { STORE_FILE_NAME } from '../../../electron/ipc/backend';
import { startTestBackend, type TestBackend } from '../../support/test-backend';

// keychain.reconcile answers the window as every other list does: at most a window's worth of
// findings of each kind, and how many more there are. It never carries a collection's IDs.

let backend: TestBackend | undefined;
afterEach(async () => {
  await backend?.cleanup();
  backend = undefined;
});

const ready = { state: 'ready' } as const;

describe('keychain.reconcile over IPC', () => {
  it('lists at most a window of keys whose secret is missing, and counts the rest', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'gatekey-reconcile-bounds-'));
    const keys = MAX_WINDOW_ROWS + 7;
    // Records only: none of these keys has its secret in this test's (empty) keychain.
    await writeFile(join(dataDir, STORE_FILE_NAME), JSON.stringify(storeOfScale({ label: 'test', accessKeys: keys, authorizations: 0, apiGroups: 0, bindings: 0 })));
    backend = await startTestBackend({ dataDir });

    const report = await backend.api.keychain.reconcile({ includeOrphans: false });
    if (!report.ok) throw new Error(report.error.message);
    expect(report.data.missingSecretIds).toHaveLength(MAX_WINDOW_ROWS);
    expect(report.data.notListed).toEqual({ missingSecretIds: 7, orphanAccounts: 0 });
    // Each key still learnt its status: the list says which secrets are missing, beyond the report's window too.
    const last = await backend.api.accessKeys.query({ search: '', order: 'newest', offset: 0, limit: 1 });
    expect(last.ok && last.data.rows[0]!.secretStatus).toBe('missing');
  });

  it('answers a report within the window unchanged', async () => {
    backend = await startTestBackend();
    const report = await backend.api.keychain.reconcile({ includeOrphans: true });
    expect(report).toEqual({ ok: true, data: { missingSecretIds: [], orphanAccounts: [], orphansChecked: true, keychain: ready, lateWritesRemoved: [] } });
  });
});

describe('boundedReport', () => {
  it('cuts each kind of finding to a window and says how many were left out', () => {
    const ids = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
    const report = { missingSecretIds: ids(MAX_WINDOW_ROWS, 'k'), orphanAccounts: ids(MAX_WINDOW_ROWS + 2, 'o'), orphansChecked: true, keychain: ready, lateWritesRemoved: [] };
    const bounded = boundedReport(report);
    expect(bounded.missingSecretIds).toEqual(report.missingSecretIds);
    expect(bounded.orphanAccounts).toEqual(report.orphanAccounts.slice(0, MAX_WINDOW_ROWS));
    expect(bounded.notListed).toEqual({ missingSecretIds: 0, orphanAccounts: 2 });
    expect(boundedReport({ ...report, orphanAccounts: [] })).not.toHaveProperty('notListed');
  });
});
