import keytar from 'keytar';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../electron/ipc/result';
import { nodeWorkerLauncher } from '../../../electron/storage/keychain/node-worker';
import { keytarSecretStore } from '../../../electron/storage/keytar-secret-store';
import { startPrivateKeyring, type PrivateKeyring } from '../../support/private-keyring';
import { startTestBackend, testKeychainService, type TestBackend } from '../../support/test-backend';
import { everyAccessKey } from '../../support/every-record';

function data<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

const backends: TestBackend[] = [];
let keyring: PrivateKeyring | undefined;
afterEach(async () => {
  for (const backend of backends.splice(0).reverse()) await backend.cleanup();
  await keyring?.close();
  keyring = undefined;
});
async function backend(options: Parameters<typeof startTestBackend>[0] = {}): Promise<TestBackend> {
  const started = await startTestBackend(options);
  backends.push(started);
  return started;
}

describe.runIf(process.platform === 'linux')('a locked keychain, through the backend', () => {
  it('at start-up: every key is listed, none is called missing, and nothing can delete a record or a secret', async () => {
    keyring = await startPrivateKeyring();
    const service = testKeychainService();
    const firstSecrets = keytarSecretStore(service, { busAddress: keyring.busAddress });
    const first = await backend({ service, secrets: firstSecrets });
    const payments = data(await first.api.accessKeys.create({ name: 'payments', description: '' }));
    const orders = data(await first.api.accessKeys.create({ name: 'orders', description: '' }));
    await firstSecrets.set('feedfacecafe', 'A'.repeat(32)); // an entry with no record, for Health
    await first.store.close();
    await keyring.lock();

    const app = await backend({ dataDir: first.dataDir, service, secrets: keytarSecretStore(service, { busAddress: keyring.busAddress }) });
    const report = data(await app.api.keychain.reconcile({}));
    expect(report).toEqual({
      missingSecretIds: [],
      orphanAccounts: [],
      orphansChecked: false,
      keychain: { state: 'locked', message: expect.stringMatching(/locked.*Unlock your keyring/), reason: 'keychainDefaultLocked', params: { platform: 'linux' } },
      lateWritesRemoved: [],
    });
    expect(data(await app.api.keychain.getState({}))).toMatchObject({ state: 'locked' });
    expect(data(await everyAccessKey(app.api)).map((key) => [key.name, key.secretStatus]).sort()).toEqual([
      ['orders', 'unreadable'],
      ['payments', 'unreadable'],
    ]);

    const locked = { ok: false, error: { code: 'KEYCHAIN_LOCKED' } };
    expect(await app.api.accessKeys.revealSecret({ id: payments.id })).toMatchObject(locked);
    expect(await app.api.accessKeys.copySecret({ id: payments.id })).toMatchObject(locked);
    expect(app.clipboard.text).toBe('');
    expect(await app.api.accessKeys.delete({ id: payments.id })).toMatchObject(locked);
    expect(await app.api.keychain.restoreSecret({ id: orders.id, secret: 'F'.repeat(32) })).toMatchObject(locked);
    expect(await app.api.keychain.deleteOrphan({ account: 'feedfacecafe' })).toMatchObject(locked);
    expect(await app.api.keychain.adoptOrphan({ account: 'feedfacecafe', apiKey: 'C'.repeat(32), name: 'adopted', description: '' })).toMatchObject(locked);
    expect(await app.api.accessKeys.create({ name: 'refunds', description: '' })).toMatchObject(locked);
    expect(data(await everyAccessKey(app.api)).map((key) => key.name).sort()).toEqual(['orders', 'payments']);

    // Unlocked again (a new daemon unlocks the same keyring): both secrets were there all along.
    await keyring.restartDaemon();
    expect(data(await app.api.keychain.reconcile({}))).toMatchObject({ missingSecretIds: [], keychain: { state: 'ready' } });
    expect(data(await app.api.accessKeys.revealSecret({ id: payments.id })).secret).toMatch(/^[0-9A-F]{32}$/);
  });
});

describe('a read-only instance', () => {
  it("never changes the keychain: Health's actions are refused in main, and the other instance's secret stays", async () => {
    const first = await backend();
    const second = await backend({ dataDir: first.dataDir, service: first.service });
    expect(second.store.status.state).toBe('readOnly');
    const key = data(await first.api.accessKeys.create({ name: 'payments', description: '' }));
    const secret = await keytar.getPassword(first.service, key.id);
    // An entry no store knows: an orphan to both instances, whenever the second reloads what the first saved.
    const orphan = 'feedfacecafe';
    await keytar.setPassword(first.service, orphan, 'A'.repeat(32));

    expect(data(await second.api.keychain.reconcile({ includeOrphans: true })).orphanAccounts).toContain(orphan);
    const readOnly = { ok: false, error: { code: 'STORE_READ_ONLY' } };
    expect(await second.api.keychain.deleteOrphan({ account: orphan })).toMatchObject(readOnly);
    expect(await second.api.keychain.adoptOrphan({ account: orphan, apiKey: 'C'.repeat(32), name: 'mine', description: '' })).toMatchObject(readOnly);
    expect(await second.api.accessKeys.create({ name: 'orders', description: '' })).toMatchObject(readOnly);
    expect(data(await second.api.keychain.check({}))).toEqual({ available: true });
    expect(await keytar.getPassword(first.service, key.id)).toBe(secret);
    expect(await keytar.getPassword(first.service, orphan)).toBe('A'.repeat(32));
    expect((await keytar.findCredentials(first.service)).map((entry) => entry.account).sort()).toEqual([key.id, orphan].sort());
  });

  it('refuses to re-enter or delete a secret of a key it knows', async () => {
    const first = await backend();
    const key = data(await first.api.accessKeys.create({ name: 'payments', description: '' }));
    await keytar.deletePassword(first.service, key.id);
    const second = await backend({ dataDir: first.dataDir, service: first.service });
    expect(await second.api.keychain.restoreSecret({ id: key.id, secret: 'F'.repeat(32) })).toMatchObject({ ok: false, error: { code: 'STORE_READ_ONLY' } });
    expect(await second.api.accessKeys.delete({ id: key.id })).toMatchObject({ ok: false, error: { code: 'STORE_READ_ONLY' } });
    expect(await keytar.getPassword(first.service, key.id)).toBeNull();
  });
});

describe('a create whose keychain write timed out', () => {
  it('is reconciled when the write lands later: the unseen secret is removed and reported', async () => {
    const service = testKeychainService();
    // The real keytar, made slow to confirm writes (see slow-keychain-worker.mjs).
    const slow = nodeWorkerLauncher(new URL('../../support/slow-keychain-worker.mjs', import.meta.url).pathname);
    const secrets = keytarSecretStore(service, { timeoutMs: 3_000, launchWorker: (env) => slow({ ...env, GATEKEY_TEST_SET_DELAY_MS: '8000' }) });
    const app = await backend({ service, secrets });
    // Warm-up: the helper is forked and has loaded keytar before the timed write starts, so the
    // 3 s deadline measures the keychain only, even on a busy machine (see slow-keychain-worker.mjs).
    expect(await secrets.get('000000000000')).toBeNull();

    expect(await app.api.accessKeys.create({ name: 'payments', description: '' })).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_TIMEOUT' } });
    expect(data(await everyAccessKey(app.api))).toEqual([]);
    const removed: string[] = [];
    await expect
      .poll(async () => {
        removed.push(...data(await app.api.keychain.reconcile({})).lateWritesRemoved);
        return removed;
      })
      .toEqual([expect.stringMatching(/^[0-9a-f]{12}$/)]);
    expect(await keytar.findCredentials(service)).toEqual([]);
    expect(data(await app.api.keychain.reconcile({ includeOrphans: true }))).toMatchObject({ orphanAccounts: [], lateWritesRemoved: [] });
  });
});
