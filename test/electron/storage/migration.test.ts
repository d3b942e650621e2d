import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MetadataStore } from '../../../electron/storage/metadata-store';
import { readStoreOnDisk } from '../../support/store-files';

// A store file exactly as Gatekey 0.1 (schemaVersion 1) wrote it.
const versionOneFile = `{
  "schemaVersion": 1,
  "accessKeys": [
    {
      "id": "a280dc988b22",
      "name": "payments",
      "description": "from version 1",
      "apiKey": "0123456789ABCDEF0123456789ABCDEF",
      "createdAt": "2026-11-01T09:00:00.000Z",
      "updatedAt": "2026-11-02T09:00:00.000Z"
    }
  ]
}
`;

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gatekey-migrate-'));
  file = join(dir, 'gatekey-store.json');
  await writeFile(file, versionOneFile);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('migrating a version 1 store', () => {
  it('reads it as the current version with empty provider collections and no JD Cloud account, keeping every access key', async () => {
    const store = await MetadataStore.open(file);
    expect(store.status.state).toBe('ok');
    const data = store.read();
    expect(data.schemaVersion).toBe(3);
    expect(data.jdcloud).toEqual({ account: null, deletedAuthorizations: [] });
    expect(data.accessKeys).toEqual(JSON.parse(versionOneFile).accessKeys);
    expect(data.apiGroups).toEqual([]);
    expect(data.authorizations).toEqual([]);
    expect(data.bindings).toEqual([]);
  });

  it('keeps the version 1 file byte for byte beside the store before anything is written', async () => {
    const store = await MetadataStore.open(file);
    expect(await readFile(`${file}.v1.bak`, 'utf8')).toBe(versionOneFile);
    expect(await readFile(file, 'utf8')).toBe(versionOneFile); // not rewritten until a change

    await store.update((data) => {
      data.apiGroups.push({
        id: 'g00000000001',
        name: 'orders',
        description: '',
        region: 'cn-north-1',
        environment: 'test',
        host: 'xv3xbwah945y.cn-north-1.jdcloud-api.net',
        createdAt: '2026-11-29T00:00:00.000Z',
        updatedAt: '2026-11-29T00:00:00.000Z',
      });
    });
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ schemaVersion: 4, format: 'gatekey-journaled' });
    const saved = (await readStoreOnDisk(file))!;
    expect(saved.schemaVersion).toBe(3);
    expect(saved.accessKeys).toHaveLength(1);
    expect(saved.apiGroups).toHaveLength(1);
    expect(await readFile(`${file}.v1.bak`, 'utf8')).toBe(versionOneFile);
  });

  it('never replaces an earlier pre-migration copy', async () => {
    await writeFile(`${file}.v1.bak`, 'the first copy');
    await MetadataStore.open(file);
    expect(await readFile(`${file}.v1.bak`, 'utf8')).toBe('the first copy');
  });

  it('opens read-only, file untouched, when no copy can be kept', async () => {
    // A name at the file system's limit leaves no room for ".v1.bak": the copy fails for real (ENAMETOOLONG).
    const longFile = join(dir, `${'s'.repeat(245)}.json`);
    await writeFile(longFile, versionOneFile);
    const store = await MetadataStore.open(longFile);
    expect(store.status).toMatchObject({ state: 'unreadable', problem: expect.stringMatching(/older Gatekey \(schemaVersion 1\).*no copy.*ENAMETOOLONG/) });
    await expect(store.update(() => undefined)).rejects.toMatchObject({ code: 'STORE_UNREADABLE' });
    expect(await readFile(longFile, 'utf8')).toBe(versionOneFile);
  });
});

// A store file exactly as Gatekey wrote version 2 (API groups, authorizations, bindings; no JD Cloud links).
const versionTwoFile = `${JSON.stringify({
  schemaVersion: 2,
  accessKeys: JSON.parse(versionOneFile).accessKeys,
  apiGroups: [
    { id: 'g00000000001', name: 'orders', description: '', region: 'cn-north-1', environment: 'test', host: 'xv3xbwah945y-test.cn-north-1.jdcloud-api.net', createdAt: '2026-11-29T00:00:00.000Z', updatedAt: '2026-11-29T00:00:00.000Z' },
  ],
  authorizations: [
    { id: 'z00000000001', callerKey: 'a280dc988b22', callerKeyKind: 'accessKeyId', callerType: 'apiCaller', description: 'mobile', createdAt: '2026-11-29T00:00:00.000Z', updatedAt: '2026-11-29T00:00:00.000Z' },
  ],
  bindings: [{ authorizationId: 'z00000000001', groupId: 'g00000000001', boundAt: '2026-11-29T00:00:00.000Z' }],
})}\n`;

describe('migrating a version 2 store', () => {
  beforeEach(() => writeFile(file, versionTwoFile));

  it('keeps every record, adds an empty JD Cloud section, and keeps the version 2 file beside it', async () => {
    const store = await MetadataStore.open(file);
    expect(store.status.state).toBe('ok');
    const before = JSON.parse(versionTwoFile);
    const data = store.read();
    expect(data).toEqual({ ...before, schemaVersion: 3, jdcloud: { account: null, deletedAuthorizations: [] } });
    expect(await readFile(`${file}.v2.bak`, 'utf8')).toBe(versionTwoFile);
    await store.close();
  });

  it('saves a JD Cloud link and account, and a failed change leaves them as they were', async () => {
    const store = await MetadataStore.open(file);
    await store.update((draft) => {
      draft.jdcloud.account = { accessKeyId: 'JDAK0001', regions: ['cn-north-1'], endpoint: 'https://apigateway.jdcloud-api.com', connectedAt: '2026-12-01T00:00:00.000Z' };
      draft.apiGroups[0] = { ...draft.apiGroups[0]!, remote: { apiGroupId: 'remote-group-1', deploymentId: 'dep-1' } };
    });
    await expect(
      store.update((draft) => {
        draft.jdcloud.account = null;
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await store.close();

    const reopened = await MetadataStore.open(file);
    expect(reopened.read().jdcloud.account).toMatchObject({ accessKeyId: 'JDAK0001', regions: ['cn-north-1'] });
    expect(reopened.read().apiGroups[0]!.remote).toEqual({ apiGroupId: 'remote-group-1', deploymentId: 'dep-1' });
    expect(JSON.parse(await readFile(file, 'utf8')).schemaVersion).toBe(4);
    await reopened.close();
  });
});
