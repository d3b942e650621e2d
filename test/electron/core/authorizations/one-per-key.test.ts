import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildKeyFile, keyFileText } from '../../../../electron/core/key-files/format';
import { STORE_FILE_NAME } from '../../../../electron/ipc/backend';
import type { Result } from '../../../../electron/ipc/result';
import { startTestBackend, type TestBackend } from '../../../support/test-backend';
import { everyAuthorization } from '../../../support/every-record';
import { storeDataText } from '../../../support/store-files';

// One authorization per access key, whichever identifier arrives first: the real
// backend, store file on disk, real keychain.
let backend: TestBackend;
afterEach(() => backend.cleanup(), 60_000);

function data<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

/** The caller's key, living on another machine: the provider only ever sees its key file or one identifier. */
const ACCESS_KEY_ID = 'a280dc988b22';
const API_KEY = '0123456789ABCDEF0123456789ABCDEF';
const file = buildKeyFile(
  { id: ACCESS_KEY_ID, name: 'payments', description: '', apiKey: API_KEY, createdAt: '2026-11-01T09:00:00.000Z', updatedAt: '2026-11-01T09:00:00.000Z' },
  new Date('2026-11-29T10:00:00.000Z'),
);
const fromFile = [{ source: 'payments.gatekey.json', kind: 'file' as const, base64: Buffer.from(keyFileText(file)).toString('base64') }];
const storeText = () => storeDataText(join(backend.dataDir, STORE_FILE_NAME));

async function importFile() {
  return data(await backend.api.keyFiles.import({ candidates: fromFile }));
}

describe('one authorization per access key', () => {
  it('keeps both identifiers from a key file, and refuses the Access Key ID typed afterwards', async () => {
    backend = await startTestBackend();
    const [created] = (await importFile()).created;
    expect(JSON.parse(await storeText()).authorizations).toEqual([expect.objectContaining({ callerKey: API_KEY, callerKeyKind: 'apiKey', accessKeyId: ACCESS_KEY_ID })]);
    const before = await storeText();

    for (const typed of [ACCESS_KEY_ID, ACCESS_KEY_ID.toUpperCase(), API_KEY.toLowerCase()]) {
      expect(await backend.api.authorizations.create({ callerKey: typed, description: '' })).toEqual({
        ok: false,
        error: expect.objectContaining({ code: 'ALREADY_EXISTS', existingId: created!.authorizationId }),
      });
    }
    expect(await storeText()).toBe(before);
  }, 60_000);

  it('finds the typed Access Key ID when its key file comes later, in the preview and the import', async () => {
    backend = await startTestBackend();
    const typed = data(await backend.api.authorizations.create({ callerKey: ACCESS_KEY_ID, description: 'typed first' }));
    expect(data(await backend.api.keyFiles.previewImport({ candidates: fromFile }))).toEqual([expect.objectContaining({ status: 'alreadyAuthorized', existingId: typed.id })]);
    expect(await importFile()).toEqual({ created: [], alreadyAuthorized: [{ source: 'payments.gatekey.json', existingId: typed.id, apiKey: API_KEY }], rejected: [] });
    expect(data(await everyAuthorization(backend.api))).toHaveLength(1);
  }, 60_000);

  it('takes one item of an import per access key, even when two files pair its ID with different APIKeys', async () => {
    backend = await startTestBackend();
    const forged = buildKeyFile(
      { id: ACCESS_KEY_ID, name: 'forged', description: '', apiKey: 'FEDCBA9876543210FEDCBA9876543210', createdAt: '2026-11-01T09:00:00.000Z', updatedAt: '2026-11-01T09:00:00.000Z' },
      new Date('2026-11-29T10:00:00.000Z'),
    );
    const candidates = [...fromFile, { source: 'forged.gatekey.json', kind: 'file' as const, base64: Buffer.from(keyFileText(forged)).toString('base64') }];
    expect(data(await backend.api.keyFiles.previewImport({ candidates })).map((entry) => entry.status)).toEqual(['new', 'duplicate']);
    expect(data(await backend.api.keyFiles.import({ candidates })).created).toHaveLength(1);
  }, 60_000);

  it('still knows both identifiers after a restart', async () => {
    backend = await startTestBackend();
    const [created] = (await importFile()).created;
    await backend.store.close();
    backend = await startTestBackend({ dataDir: backend.dataDir, service: backend.service });
    expect(await backend.api.authorizations.create({ callerKey: ACCESS_KEY_ID, description: '' })).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_EXISTS', existingId: created!.authorizationId },
    });
  }, 60_000);

  it('opens a store written before the second identifier existed', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'gatekey-old-store-'));
    const old = {
      schemaVersion: 2,
      accessKeys: [],
      apiGroups: [],
      authorizations: [
        { id: 'oldauth00001', callerKey: API_KEY, callerKeyKind: 'apiKey', callerType: 'apiCaller', description: 'old', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' },
      ],
      bindings: [],
    };
    await writeFile(join(dataDir, STORE_FILE_NAME), JSON.stringify(old));
    backend = await startTestBackend({ dataDir });
    expect(data(await everyAuthorization(backend.api))).toEqual([expect.objectContaining({ id: 'oldauth00001', description: 'old' })]);
    expect(await importFile()).toMatchObject({ created: [], alreadyAuthorized: [{ existingId: 'oldauth00001' }] });
  }, 60_000);
});
