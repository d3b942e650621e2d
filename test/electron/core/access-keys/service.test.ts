import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import keytar from 'keytar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORE_FILE_NAME } from '../../../../electron/ipc/backend';
import { startTestBackend, type TestBackend } from '../../../support/test-backend';
import { everyAccessKey } from '../../../support/every-record';
import { storeDataText, blockSaves } from '../../../support/store-files';

// Through the real backend: real store file, real keychain, the IPC contract's validation.
let backend: TestBackend;
beforeEach(async () => {
  backend = await startTestBackend();
});
afterEach(() => backend.cleanup());

const storeText = () => storeDataText(join(backend.dataDir, STORE_FILE_NAME));

async function create(name: string, description = '') {
  const result = await backend.api.accessKeys.create({ name, description });
  if (!result.ok) throw new Error(`create failed: ${result.error.message}`);
  return result.data;
}

describe('creating an access key', () => {
  it('generates the ID, APIKey and APISecret; the secret goes to the keychain only', async () => {
    const key = await create('payments', 'for the payments team');

    expect(key).toMatchObject({ name: 'payments', description: 'for the payments team', secretStatus: 'present' });
    expect(key.id).toMatch(/^[0-9a-f]{12}$/);
    expect(key.apiKey).toMatch(/^[0-9A-F]{32}$/);
    expect(key).not.toHaveProperty('secret');

    const secret = await keytar.getPassword(backend.service, key.id);
    expect(secret).toMatch(/^[0-9A-F]{32}$/);
    expect(secret).not.toBe(key.apiKey);
    const saved = await storeText();
    expect(saved).toContain(key.apiKey);
    expect(saved).not.toContain(secret!);
    expect(saved).not.toContain(secret!.slice(0, 12));
  });

  it('makes every key different', async () => {
    const keys = await Promise.all(['a', 'b', 'c', 'd'].map((name) => create(name)));
    expect(new Set(keys.map((key) => key.id)).size).toBe(4);
    expect(new Set(keys.map((key) => key.apiKey)).size).toBe(4);
    const secrets = await Promise.all(keys.map((key) => keytar.getPassword(backend.service, key.id)));
    expect(new Set(secrets).size).toBe(4);
  });

  it('refuses a name already taken in any case, inline, writing nothing', async () => {
    await create('Payments');
    const before = await storeText();
    const result = await backend.api.accessKeys.create({ name: 'payMENTS', description: '' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NAME_TAKEN', fields: { name: expect.stringMatching(/already used/) } } });
    expect(await storeText()).toBe(before);
    expect(await keytar.findCredentials(backend.service)).toHaveLength(1);
  });

  it('refuses an invalid name or description inline, writing nothing at all', async () => {
    for (const input of [
      { name: 'bad name', description: '' },
      { name: 'ok', description: 'x'.repeat(181) },
    ]) {
      const result = await backend.api.accessKeys.create(input);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    await expect(readFile(join(backend.dataDir, STORE_FILE_NAME))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await keytar.findCredentials(backend.service)).toEqual([]);
  });

  it('keeps a key whose save failed (memory and keychain), marks it unsaved, and saves it when it can', async () => {
    await create('first');
    const unblock = await blockSaves(backend.dataDir); // makes the next save fail for real
    const second = await create('second');
    expect(await storeText()).not.toContain(second.id);
    expect(await keytar.getPassword(backend.service, second.id)).toMatch(/^[0-9A-F]{32}$/);
    expect(await backend.api.app.getStatus({})).toMatchObject({ ok: true, data: { store: { state: 'ok', unsaved: { problem: expect.any(String) } } } });

    await unblock();
    expect(await backend.api.store.saveNow({})).toEqual({ ok: true, data: { saved: true } });
    expect(await storeText()).toContain(second.id);
  });

  it('removes the new secret again when the record cannot be added (a concurrent create took the name)', async () => {
    const results = await Promise.all([backend.api.accessKeys.create({ name: 'twin', description: '' }), backend.api.accessKeys.create({ name: 'TWIN', description: '' })]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ ok: false, error: { code: 'NAME_TAKEN' } });
    expect(await keytar.findCredentials(backend.service)).toHaveLength(1);
  });
});

describe('an existing access key', () => {
  it('is listed and read without its secret', async () => {
    const key = await create('payments');
    const list = await everyAccessKey(backend.api);
    const details = await backend.api.accessKeys.get({ id: key.id });
    const secret = (await keytar.getPassword(backend.service, key.id))!;
    expect(list).toEqual({ ok: true, data: [key] });
    expect(details).toEqual({ ok: true, data: key });
    expect(JSON.stringify([list, details])).not.toContain(secret);
  });

  it('reveals its secret only on request', async () => {
    const key = await create('payments');
    const revealed = await backend.api.accessKeys.revealSecret({ id: key.id });
    expect(revealed).toEqual({ ok: true, data: { secret: await keytar.getPassword(backend.service, key.id) } });
  });

  it('copies the secret in main, so it never crosses to the renderer', async () => {
    const key = await create('payments');
    const copied = await backend.api.accessKeys.copySecret({ id: key.id });
    expect(copied).toEqual({ ok: true, data: { clearsAfterSeconds: 30 } });
    expect(backend.clipboard.text).toBe(await keytar.getPassword(backend.service, key.id));
    expect(await backend.api.accessKeys.copyApiKey({ id: key.id })).toEqual({ ok: true, data: { copied: true } });
    expect(backend.clipboard.text).toBe(key.apiKey);
    expect(await backend.api.accessKeys.copyId({ id: key.id })).toEqual({ ok: true, data: { copied: true } });
    expect(backend.clipboard.text).toBe(key.id);
  });

  it('can be renamed and described anew, keeping ID, APIKey and secret', async () => {
    const key = await create('payments');
    await create('orders');
    const secret = await keytar.getPassword(backend.service, key.id);
    const updated = await backend.api.accessKeys.update({ id: key.id, name: 'billing', description: 'renamed' });
    expect(updated).toMatchObject({ ok: true, data: { id: key.id, apiKey: key.apiKey, name: 'billing', description: 'renamed' } });
    expect(await keytar.getPassword(backend.service, key.id)).toBe(secret);
    expect(await backend.api.accessKeys.update({ id: key.id, name: 'ORDERS', description: '' })).toMatchObject({
      ok: false,
      error: { code: 'NAME_TAKEN' },
    });
    // Its own name in another case is fine.
    expect(await backend.api.accessKeys.update({ id: key.id, name: 'BILLING', description: '' })).toMatchObject({ ok: true });
  });

  it('keeps its secret when its deletion cannot be saved yet, so a restart brings the key back whole', async () => {
    const key = await create('payments');
    const unblock = await blockSaves(backend.dataDir); // the next save fails for real
    expect(await backend.api.accessKeys.delete({ id: key.id })).toEqual({ ok: true, data: { id: key.id } });
    expect(await keytar.getPassword(backend.service, key.id)).not.toBeNull();
    expect(await storeText()).toContain(key.id);
    await unblock();
  });

  it('is deleted with its keychain entry', async () => {
    const key = await create('payments');
    const other = await create('orders');
    expect(await backend.api.accessKeys.delete({ id: key.id })).toEqual({ ok: true, data: { id: key.id } });
    expect(await keytar.getPassword(backend.service, key.id)).toBeNull();
    expect(await keytar.getPassword(backend.service, other.id)).not.toBeNull();
    expect(await storeText()).not.toContain(key.id);
    expect(await backend.api.accessKeys.get({ id: key.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await backend.api.accessKeys.delete({ id: key.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('reconciling keychain and store', () => {
  it('marks a key whose secret vanished as "secret missing" without dropping it, and reports orphan entries', async () => {
    const kept = await create('kept');
    const lost = await create('lost');
    await keytar.deletePassword(backend.service, lost.id);
    await keytar.setPassword(backend.service, 'feedfacecafe', 'LEFT-BEHIND');

    const report = await backend.api.keychain.reconcile({});
    expect(report).toEqual({
      ok: true,
      data: { missingSecretIds: [lost.id], orphanAccounts: ['feedfacecafe'], orphansChecked: true, keychain: { state: 'ready' }, lateWritesRemoved: [] },
    });

    const list = await everyAccessKey(backend.api);
    expect(list.ok && list.data.map((key) => [key.name, key.secretStatus])).toEqual([
      ['kept', 'present'],
      ['lost', 'missing'],
    ]);
    expect(await backend.api.accessKeys.revealSecret({ id: lost.id })).toMatchObject({ ok: false, error: { code: 'SECRET_MISSING' } });
    expect(await backend.api.accessKeys.get({ id: kept.id })).toMatchObject({ ok: true, data: { secretStatus: 'present' } });
  });

  it('a key just read from the store is "unchecked" until reconciled', async () => {
    const key = await create('payments');
    const fresh = await startTestBackend({ dataDir: backend.dataDir, service: backend.service });
    expect(await fresh.api.accessKeys.get({ id: key.id })).toMatchObject({ ok: true, data: { secretStatus: 'unchecked' } });
    await fresh.store.close();
  });
});

describe('reconciling a large store', () => {
  it('skips the slow orphan scan unless asked, and never blocks other keychain calls for the whole pass', async () => {
    const { ORPHAN_SCAN_LIMIT } = await import('../../../../electron/core/access-keys/service');
    const key = await create('real');
    await keytar.setPassword(backend.service, 'feedfacecafe', 'LEFT-BEHIND');
    // Many records written straight to the store (their secrets are not in the keychain).
    await backend.store.update((data) => {
      for (let n = 0; n < ORPHAN_SCAN_LIMIT; n += 1) {
        data.accessKeys.push({ ...data.accessKeys[0]!, id: n.toString(16).padStart(12, '0'), name: `bulk-${n}`, apiKey: n.toString(16).toUpperCase().padStart(32, '0') });
      }
    });
    const pass = backend.api.keychain.reconcile({});
    // A user action started during the pass finishes long before it.
    const reveal = await Promise.race([backend.api.accessKeys.revealSecret({ id: key.id }).then(() => 'reveal'), pass.then(() => 'pass')]);
    expect(reveal).toBe('reveal');
    const report = await pass;
    expect(report).toMatchObject({ ok: true, data: { orphanAccounts: [], orphansChecked: false } });
    // The window gets one window of findings and the count of the rest (keychain.reconcile is bounded).
    const { MAX_WINDOW_ROWS } = await import('../../../../electron/shared/lists/window');
    expect(report.ok && report.data.missingSecretIds).toHaveLength(MAX_WINDOW_ROWS);
    expect(report.ok && report.data.notListed).toEqual({ missingSecretIds: ORPHAN_SCAN_LIMIT - MAX_WINDOW_ROWS, orphanAccounts: 0 });
    expect(await backend.api.keychain.reconcile({ includeOrphans: true })).toMatchObject({ ok: true, data: { orphanAccounts: ['feedfacecafe'], orphansChecked: true } });
  }, 60_000);
});
