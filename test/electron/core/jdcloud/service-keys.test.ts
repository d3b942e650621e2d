import { afterEach, describe, expect, it } from 'vitest';
import { createGatewayClient } from '../../../../electron/core/jdcloud/client/index';
import { sendRequest } from '../../../../electron/adapters/http/send-request';
import type { RemoteKeyWithSecret } from '../../../../electron/core/jdcloud/gateway-api';
import { E2, N1, startSync, type Sync } from './sync-setup';
import { call } from '../../jdcloud-emulator/sign';

// The caller's side: keys made by JD Cloud, secrets straight into the real keychain, never into the store file.
let sync: Sync | undefined;
afterEach(async () => {
  await sync?.cleanup();
  sync = undefined;
});

/** What the gateway holds, secrets included (read as a test, with the account's own credentials). */
async function remoteKeys(s: Sync, region = N1): Promise<RemoteKeyWithSecret[]> {
  const client = createGatewayClient({ endpoint: s.emulator.endpoint, accessKeyId: s.emulator.account.accessKey, secretKey: s.emulator.account.secretKey, send: (o) => sendRequest(o) });
  return (await client.queryKeys(region)).result;
}

describe('createKey', () => {
  it('lets JD Cloud generate the pair, keeps the secret in the keychain and links the keyId', async () => {
    sync = await startSync();
    const created = await sync.jd.createKey({ name: 'mobile-app', description: 'for the app', region: N1 });
    const [remote] = await remoteKeys(sync);
    expect(remote).toMatchObject({ keyName: 'mobile-app', keyDesc: 'for the app' });
    expect(created).toMatchObject({ name: 'mobile-app', description: 'for the app', apiKey: remote!.accessKey.toUpperCase(), remote: { keyId: remote!.keyId, region: N1 }, secretStatus: 'present' });
    // The gateway's keyId has the local form (12 hex): it is the local ID too.
    expect(created.id).toBe(remote!.keyId);
    expect(await sync.secrets.get(created.id)).toBe(remote!.secretKey);
    const file = await sync.storeText();
    expect(file).toContain(created.apiKey);
    expect(file).not.toContain(remote!.secretKey);
  });

  it.each([
    ['a dropped connection after the key was made', { operation: 'createKey' as const, kind: 'dropAfterApply' as const }],
    ['a 500 after the key was made', { operation: 'createKey' as const, kind: 'statusAfterApply' as const, status: 500 as const }],
    ['a dropped connection before the key was made', { operation: 'createKey' as const, kind: 'dropBeforeApply' as const }],
  ])('after %s, finds the key rather than making a second one', async (_name, fault) => {
    sync = await startSync();
    sync.emulator.addKey(N1, { keyName: 'other' });
    sync.emulator.inject(fault);
    const created = await sync.jd.createKey({ name: 'svc', description: '', region: N1 });
    expect(sync.emulator.count('createKey', { applied: true })).toBe(1);
    const remote = (await remoteKeys(sync)).find((k) => k.keyName === 'svc')!;
    expect(created.remote?.keyId).toBe(remote.keyId);
    expect(await sync.secrets.get(created.id)).toBe(remote.secretKey);
  });

  it('refuses a name taken here before asking JD Cloud', async () => {
    sync = await startSync();
    await sync.jd.createKey({ name: 'svc', description: '', region: N1 });
    const writes = sync.emulator.count('createKey');
    await expect(sync.jd.createKey({ name: 'SVC', description: '', region: N1 })).rejects.toMatchObject({ code: 'NAME_TAKEN', reason: 'accessKeyNameTaken' });
    expect(sync.emulator.count('createKey')).toBe(writes);
  });
});

describe('pull keys', () => {
  it('links keys already here, creates the others with their secrets in the keychain, and renames what breaks local rules', async () => {
    sync = await startSync({ regions: [N1, E2] });
    const { jd, emulator, store, secrets } = sync;
    const mine = await jd.createKey({ name: 'mine', description: '', region: N1 });
    const known = emulator.addKey(N1, { keyName: 'known' });
    const odd = emulator.addKey(E2, { keyName: 'mobile app #2', keyDesc: 'east' });
    const clash = emulator.addKey(E2, { keyName: 'MINE' });
    // A local key with the same APIKey whose secret is not in the keychain (lost): pull puts it back.
    await store.update((draft) => {
      draft.accessKeys.push({ id: '0000000000aa', name: 'known-here', description: '', apiKey: known.accessKey.toUpperCase(), createdAt: '2026-11-29T10:00:00.000Z', updatedAt: '2026-11-29T10:00:00.000Z' });
    });

    const report = await jd.pull({ keys: true });
    expect(report.keys).toMatchObject({ linked: 2, created: 2, secretsStored: 3 });
    expect(report.keys?.renamed).toEqual(
      expect.arrayContaining([
        { keyId: odd.keyId, remoteName: 'mobile app #2', localName: 'mobile-app-2' },
        { keyId: clash.keyId, remoteName: 'MINE', localName: 'MINE-2' },
      ]),
    );
    const keys = store.read().accessKeys;
    expect(keys).toHaveLength(4);
    expect(keys.find((k) => k.id === mine.id)?.remote).toEqual(mine.remote);
    expect(keys.find((k) => k.id === '0000000000aa')?.remote).toEqual({ keyId: known.keyId, region: N1 });
    expect(await secrets.get('0000000000aa')).toBe(known.secretKey);
    const added = keys.find((k) => k.remote?.keyId === odd.keyId)!;
    expect(added).toMatchObject({ name: 'mobile-app-2', description: 'east', apiKey: odd.accessKey.toUpperCase(), remote: { region: E2 } });
    expect(await secrets.get(added.id)).toBe(odd.secretKey);
    const file = await sync.storeText();
    for (const secret of [known.secretKey, odd.secretKey, clash.secretKey]) expect(file).not.toContain(secret);
    expect(JSON.stringify(report)).not.toContain(odd.secretKey);

    const again = await jd.pull({ keys: true });
    expect(again.keys).toMatchObject({ linked: 4, created: 0, secretsStored: 0 });
    expect(store.read().accessKeys).toHaveLength(4);
  });
});

describe('a key reset in the JD Cloud console', () => {
  it('is named by pull, and its new secret is never put beside the old APIKey here', async () => {
    sync = await startSync();
    const created = await sync.jd.createKey({ name: 'reset-me', description: '', region: N1 });
    const oldSecret = await sync.secrets.get(created.id);
    // Someone presses Reset in the console: both the APIKey and the APISecret change there.
    const reset = await call(sync.emulator, { method: 'PUT', path: `/v1/regions/${N1}/kms`, body: { keyId: created.remote!.keyId }, region: N1 });
    expect(reset).toMatchObject({ status: 200 });
    const [remote] = await remoteKeys(sync);
    expect(remote!.accessKey).not.toBe(created.apiKey);

    const report = await sync.jd.pull({ keys: true });
    expect(report.keys?.resetInJdCloud).toEqual([{ id: created.id, name: 'reset-me', keyId: created.remote!.keyId }]);
    // Nothing overwritten or duplicated: the old pair stays as it was, for the user to rotate deliberately.
    expect(sync.store.read().accessKeys.map((key) => [key.id, key.apiKey])).toEqual([[created.id, created.apiKey]]);
    expect(await sync.secrets.get(created.id)).toBe(oldSecret);

    // Even with the old secret gone from the keychain, the new one is not put beside the old APIKey.
    await sync.secrets.delete(created.id);
    const again = await sync.jd.pull({ keys: true });
    expect(again.keys?.secretsStored).toBe(0);
    expect(await sync.secrets.get(created.id)).toBeNull();
  });
});
