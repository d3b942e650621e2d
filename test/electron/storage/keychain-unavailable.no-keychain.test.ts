import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORE_FILE_NAME } from '../../../electron/ipc/backend';
import { startTestBackend } from '../../support/test-backend';
import { everyAccessKey } from '../../support/every-record';

// This file runs in its own process whose D-Bus session address leads nowhere
// (see the 'no-keychain' project in test/vitest.config.ts): the keychain is
// really unreachable here, exactly as on a machine with no Secret Service.
const existing = {
  schemaVersion: 1,
  accessKeys: [
    {
      id: 'a280dc988b22',
      name: 'payments',
      description: '',
      apiKey: '0123456789ABCDEF0123456789ABCDEF',
      createdAt: '2026-11-29T10:00:00.000Z',
      updatedAt: '2026-11-29T10:00:00.000Z',
    },
  ],
};

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'gatekey-nokeychain-'));
  await writeFile(join(dataDir, STORE_FILE_NAME), JSON.stringify(existing));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

describe.runIf(process.platform === 'linux')('with no Secret Service on the session bus', () => {
  it('still starts and lists the metadata', async () => {
    const backend = await startTestBackend({ dataDir, service: 'gatekey-test-unreachable' });
    expect(await backend.api.app.getStatus({})).toMatchObject({ ok: true, data: { store: { state: 'ok' } } });
    const list = await everyAccessKey(backend.api);
    expect(list).toMatchObject({ ok: true, data: [{ name: 'payments', secretStatus: 'unchecked' }] });
  });

  it('refuses to create, naming the cause and the fix, and writes nothing to the store', async () => {
    const backend = await startTestBackend({ dataDir, service: 'gatekey-test-unreachable' });
    const before = await readFile(join(dataDir, STORE_FILE_NAME), 'utf8');
    const result = await backend.api.accessKeys.create({ name: 'orders', description: '' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'KEYCHAIN_UNAVAILABLE', message: expect.stringMatching(/no D-Bus session, so no keychain can be reached \(Could not connect: .+\)\. Start Gatekey from your desktop session/) },
    });
    expect(await readFile(join(dataDir, STORE_FILE_NAME), 'utf8')).toBe(before);
  });

  it('refuses to reveal, copy or delete with the same explanation; reconciling reports it and calls no secret missing', async () => {
    const backend = await startTestBackend({ dataDir, service: 'gatekey-test-unreachable' });
    for (const result of [
      await backend.api.accessKeys.revealSecret({ id: 'a280dc988b22' }),
      await backend.api.accessKeys.copySecret({ id: 'a280dc988b22' }),
      await backend.api.accessKeys.delete({ id: 'a280dc988b22' }),
    ]) {
      expect(result).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE' } });
    }
    expect(await backend.api.keychain.reconcile({})).toMatchObject({
      ok: true,
      data: { missingSecretIds: [], orphansChecked: false, keychain: { state: 'unavailable', message: expect.stringMatching(/no D-Bus session/) } },
    });
    expect(await backend.api.keychain.getState({})).toMatchObject({ ok: true, data: { state: 'unavailable' } });
    expect(await everyAccessKey(backend.api)).toMatchObject({ ok: true, data: [{ secretStatus: 'unreadable' }] });
    expect(backend.clipboard.text).toBe('');
    expect(JSON.parse(await readFile(join(dataDir, STORE_FILE_NAME), 'utf8'))).toEqual(existing);
  });
});
