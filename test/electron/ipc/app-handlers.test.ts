import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import keytar from 'keytar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORE_FILE_NAME } from '../../../electron/ipc/backend';
import { startTestBackend, type TestBackend } from '../../support/test-backend';
import { readStoreOnDisk } from '../../support/store-files';

let backend: TestBackend;
beforeEach(async () => {
  backend = await startTestBackend();
});
afterEach(() => backend.cleanup());

describe('app status, welcome and about', () => {
  it('is a first run until the welcome is dismissed, which writes an empty store', async () => {
    expect(await backend.api.app.getStatus({})).toMatchObject({ ok: true, data: { firstRun: true, store: { state: 'ok' } } });
    expect(await backend.api.app.dismissWelcome({})).toEqual({ ok: true, data: { dismissed: true } });
    expect(await backend.api.app.getStatus({})).toMatchObject({ ok: true, data: { firstRun: false } });
    expect(await readStoreOnDisk(join(backend.dataDir, STORE_FILE_NAME))).toMatchObject({ schemaVersion: 3, accessKeys: [] });
    const again = await startTestBackend({ dataDir: backend.dataDir, service: backend.service });
    expect(await again.api.app.getStatus({})).toMatchObject({ ok: true, data: { firstRun: false } });
    await again.store.close();
  });

  it('is not a first run once something was saved, nor with an unreadable store', async () => {
    await backend.api.apiGroups.create({ name: 'g', description: '', region: 'cn-north-1', environment: 'test', host: 'a.b' });
    expect(await backend.api.app.getStatus({})).toMatchObject({ ok: true, data: { firstRun: false } });
    await writeFile(join(backend.dataDir, STORE_FILE_NAME), 'garbage');
    const broken = await startTestBackend({ dataDir: backend.dataDir, service: backend.service });
    expect(await broken.api.app.getStatus({})).toMatchObject({ ok: true, data: { firstRun: false, store: { state: 'unreadable' } } });
    expect(await broken.api.app.dismissWelcome({})).toMatchObject({ ok: true });
    expect(await readFile(join(backend.dataDir, STORE_FILE_NAME), 'utf8')).toBe('garbage');
    await broken.store.close();
  });

  it('checks the real keychain and leaves nothing behind', async () => {
    expect(await backend.api.keychain.check({})).toEqual({ ok: true, data: { available: true } });
    expect(await keytar.findCredentials(backend.service)).toEqual([]);
    expect(await backend.api.keychain.getState({})).toEqual({ ok: true, data: { state: 'ready' } });
  });

  it('tells versions, licence and data folder, and shows the folder through the desktop shell', async () => {
    expect(await backend.api.app.getAbout({})).toEqual({
      ok: true,
      data: { version: '0.0.0-test', electron: expect.any(String), chromium: expect.any(String), node: process.versions.node, license: 'MIT', dataFolder: backend.dataDir },
    });
    expect(await backend.api.app.showDataFolder({})).toEqual({ ok: true, data: { shown: true } });
    expect(backend.desktop.shownInFolder).toEqual([join(backend.dataDir, STORE_FILE_NAME)]);
  });
});

describe('shutting down', () => {
  it('clears a copied secret, saves and releases the data folder', async () => {
    const { createBackend } = await import('../../../electron/ipc/backend');
    const { keytarSecretStore } = await import('../../../electron/storage/keytar-secret-store');
    const { MemoryClipboard } = await import('../../support/memory-clipboard');
    const { RecordingDesktop } = await import('../../support/test-backend');
    const dataDir = join(backend.dataDir, 'app');
    const clipboard = new MemoryClipboard();
    const app = await createBackend({ dataDir, secrets: keytarSecretStore(backend.service), clipboard, desktop: new RecordingDesktop(), version: 't' });
    const created = await app.dispatch('accessKeys.create', { name: 'k', description: '' });
    await app.dispatch('accessKeys.copySecret', { id: (created as { data: { id: string } }).data.id });
    expect(clipboard.text).toMatch(/^[0-9A-F]{32}$/);

    await app.shutdown();
    expect(clipboard.text).toBe('');
    const next = await startTestBackend({ dataDir, service: backend.service });
    expect(next.store.status.state).toBe('ok'); // the lock was released
    await next.store.close();
  });
});
