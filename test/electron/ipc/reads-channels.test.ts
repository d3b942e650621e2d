import { join } from 'node:path';
import keytar from 'keytar';
import { afterEach, describe, expect, it } from 'vitest';
import { STORE_FILE_NAME } from '../../../electron/ipc/backend';
import { channelDefinition, methods, type Method } from '../../../electron/ipc/contract';
import { startTestBackend, type TestBackend } from '../../support/test-backend';
import { storeFilesText } from '../../support/store-files';

// The contract declares once whether a channel writes. This holds every channel declared `reads` to
// its word: called with a valid request through the real backend (real store file, real keychain),
// it leaves the records and the data file as they were.

let backend: TestBackend | undefined;
afterEach(async () => {
  await backend?.cleanup();
  backend = undefined;
});

function ok<T>(result: { ok: true; data: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

describe('channels declared as reading', () => {
  it('leave every record and the data file unchanged', async () => {
    backend = await startTestBackend();
    const { api, dataDir, service } = backend;
    const key = ok(await api.accessKeys.create({ name: 'payments', description: 'reads test' }));
    const group = ok(await api.apiGroups.create({ name: 'orders', description: '', region: 'cn-north-1', environment: 'test', host: 'xv3xbwah945y.cn-north-1.jdcloud-api.net' }));
    const authorization = ok(await api.authorizations.create({ callerKey: key.id, description: '' }));
    ok(await api.authorizations.setBindings({ id: authorization.id, groupIds: [group.id] }));
    await keytar.setPassword(service, 'feedfacecafe', 'A'.repeat(32)); // an orphan entry for the Health channels
    ok(await api.store.saveNow({}));

    const testCall = { credentials: { kind: 'stored', accessKeyId: key.id }, algorithm: 'JDCLOUD2', method: 'GET', url: 'http://127.0.0.1:9/v1/items', headers: [], body: '', region: 'cn-north-1', service: 'xv3xbwah945y' };
    // A valid request per channel that needs more than {}; the answer may be a refusal, the point is what it leaves behind.
    const requests: Partial<Record<Method, Record<string, unknown>>> = {
      'accessKeys.get': { id: key.id },
      'accessKeys.revealSecret': { id: key.id },
      'accessKeys.copySecret': { id: key.id },
      'accessKeys.copyApiKey': { id: key.id },
      'accessKeys.copyId': { id: key.id },
      'accessKeys.listGrants': { id: key.id },
      'accessKeys.names': { ids: [key.id] },
      'accessKeys.query': { search: 'pay', order: 'name', offset: 0, limit: 10 },
      'authorizations.query': { search: key.id, offset: 0, limit: 10 },
      'authorizations.get': { id: authorization.id },
      'authorizations.locate': { id: authorization.id, search: '' },
      'apiGroups.query': { search: 'ord', offset: 0, limit: 10 },
      'keychain.reconcile': { includeOrphans: true },
      'keychain.restoreSecret': { id: key.id, secret: 'B'.repeat(32) },
      'keychain.deleteOrphan': { account: 'feedfacecafe' },
      'keyFiles.export': { id: key.id },
      'keyFiles.copyHandoffText': { id: key.id },
      'keyFiles.previewImport': { candidates: [{ source: 'pasted', kind: 'handoff', text: 'gatekey-apikey:not-a-key' }] },
      'testCall.preview': testCall,
      'testCall.send': testCall,
    };

    const file = join(dataDir, STORE_FILE_NAME);
    const recordsBefore = JSON.stringify(backend.store.read());
    const filesBefore = await storeFilesText(file);
    const reading = methods.filter((method) => channelDefinition(method)!.writes === false);
    expect(reading.length).toBeGreaterThan(10);
    for (const method of reading) {
      const request = requests[method] ?? {};
      // A channel whose schema refuses {} needs a real request above, or it would prove nothing.
      expect(channelDefinition(method)!.input.safeParse(request).success, `${method} needs a valid request in this test`).toBe(true);
      const reply = (await backend.dispatch(method, request)) as { ok: boolean; error?: { code: string } };
      expect(reply.ok || reply.error?.code !== 'INVALID_INPUT', `${method} refused its request as invalid`).toBe(true);
      expect(JSON.stringify(backend.store.read()), `${method} changed records`).toBe(recordsBefore);
    }
    expect(ok(await api.store.saveNow({}))).toEqual({ saved: true });
    expect(await storeFilesText(file)).toBe(filesBefore);
  });
});
