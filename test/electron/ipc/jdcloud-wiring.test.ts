import keytar from 'keytar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MainEvent } from '../../../electron/ipc/contract';
import type { Result } from '../../../electron/ipc/result';
import { startEmulator, type JdcloudEmulator } from '../../support/jdcloud-emulator';
import { startTestBackend, type TestBackend } from '../../support/test-backend';
import { everyAccessKey } from '../../support/every-record';

// The jdcloud channels through the real backend (keychain, store on disk) against the
// emulator: main's own questions before replacing or deleting the account's SecretKey
// and before an apply nobody clicked for, and apply's progress as events.

const REGION = 'cn-north-1';
const CALLER = 'A1B2C3D4E5F60718293A4B5C6D7E8F90';

let backend: TestBackend;
let emulator: JdcloudEmulator;
beforeEach(async () => {
  emulator = await startEmulator({ regions: [REGION] });
  backend = await startTestBackend();
});
afterEach(async () => {
  await backend.cleanup();
  await emulator.close();
});

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

const connect = (secretKey = emulator.account.secretKey) =>
  backend.api.jdcloud.connect({ accessKeyId: emulator.account.accessKey, secretKey, regions: [REGION], endpoint: emulator.endpoint });

/** A local authorization bound to the pulled group's online deployment: the plan's one create. */
async function oneCreateToApply(): Promise<string[]> {
  emulator.addApiGroup(REGION, { groupName: 'orders', publish: ['online'] });
  unwrap(await backend.api.jdcloud.pull({}));
  const group = unwrap(await backend.api.apiGroups.list({})).find((g) => g.environment === 'online')!;
  const authorization = unwrap(await backend.api.authorizations.create({ callerKey: CALLER, description: 'ACME' }));
  unwrap(await backend.api.authorizations.setBindings({ id: authorization.id, groupIds: [group.id] }));
  return unwrap(await backend.api.jdcloud.plan({})).items.map((item) => item.id);
}

describe('the jdcloud channels in the backend', () => {
  it('keeps the SecretKey in a keychain service of its own, never in the data file', async () => {
    const account = unwrap(await connect());
    expect(account).toMatchObject({ accessKeyId: emulator.account.accessKey, secretKeySource: 'keychain' });
    expect(JSON.stringify(account)).not.toContain(emulator.account.secretKey);
    expect(JSON.stringify(backend.store.read())).not.toContain(emulator.account.secretKey);
    const accountsIn = async (service: string) => (await keytar.findCredentials(service)).map((entry) => entry.account);
    expect(await accountsIn(backend.accountService)).toEqual([emulator.account.accessKey]);
    expect(await accountsIn(backend.service)).toEqual([]);
    expect(unwrap(await backend.api.jdcloud.checkConnection({})).regions).toMatchObject([{ region: REGION, apiGroups: 0 }]);
    // A first connect writes a new entry only: no question.
    expect(backend.desktop.confirmations).toEqual([]);
  });

  it('asks in main’s own dialog before replacing the account, and a no keeps the old one', async () => {
    unwrap(await connect());
    backend.desktop.answer = () => false;
    const refused = await connect('another-secret-key');
    expect(refused.ok ? 'ok' : refused.error.code).toBe('NOT_CONFIRMED');
    expect(backend.desktop.confirmations.at(-1)).toMatchObject({ confirmLabel: 'Replace' });
    // The old SecretKey still signs: the gateway accepts the account.
    expect(unwrap(await backend.api.jdcloud.checkConnection({})).regions).toHaveLength(1);
  });

  it('asks before disconnecting, which deletes the SecretKey', async () => {
    unwrap(await connect());
    backend.desktop.answer = () => false;
    const refused = await backend.api.jdcloud.disconnect({});
    expect(refused.ok ? 'ok' : refused.error.code).toBe('NOT_CONFIRMED');
    expect(unwrap(await backend.api.jdcloud.getAccount({}))).not.toBeNull();
    backend.desktop.answer = () => true;
    unwrap(await backend.api.jdcloud.disconnect({}));
    expect(unwrap(await backend.api.jdcloud.getAccount({}))).toBeNull();
    expect(backend.desktop.confirmations.map((q) => q.confirmLabel)).toEqual(['Disconnect', 'Disconnect']);
  });

  it('applies without a question after a click, asks without one, and sends nothing on a no', async () => {
    unwrap(await connect());
    const itemIds = await oneCreateToApply();
    expect(itemIds).toHaveLength(1);

    backend.desktop.userActive = false;
    backend.desktop.answer = () => false;
    const refused = await backend.api.jdcloud.apply({ itemIds });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('NOT_CONFIRMED');
    expect(backend.desktop.confirmations.at(-1)?.message).toBe('Apply changes to JD Cloud API Gateway that you did not start?');
    expect(emulator.count('createAccessAuth')).toBe(0);

    backend.desktop.userActive = true;
    const asked = backend.desktop.confirmations.length;
    const progress: Array<Extract<MainEvent, { type: 'progress' }>['data']> = [];
    const stop = backend.events.subscribe((event) => {
      if (event.type === 'progress') progress.push(event.data);
    });
    const report = unwrap(await backend.api.jdcloud.apply({ itemIds }));
    stop();
    expect(backend.desktop.confirmations).toHaveLength(asked);
    expect(report.counts).toMatchObject({ applied: 1, failed: 0 });
    expect(emulator.snapshot(REGION).authorizations).toMatchObject([{ accessKey: CALLER }]);
    expect(progress.filter((p) => p.task === 'jdApply').at(-1)).toMatchObject({ done: 1, total: 1 });
    expect(unwrap(await backend.api.jdcloud.lastApply({}))).toMatchObject({ counts: { applied: 1 } });
  });

  it('creates a key in JD Cloud without a question after a click, asks without one, and makes nothing on a no', async () => {
    unwrap(await connect());
    backend.desktop.userActive = false;
    backend.desktop.answer = () => false;
    const refused = await backend.api.jdcloud.createKey({ name: 'scripted', description: '', region: REGION });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('NOT_CONFIRMED');
    expect(backend.desktop.confirmations.at(-1)).toMatchObject({ message: 'Create a key in JD Cloud that you did not ask for?', confirmLabel: 'Create' });
    expect(backend.desktop.confirmations.at(-1)?.detail).toContain('"scripted" in cn-north-1');
    expect(emulator.count('createKey')).toBe(0);
    expect(emulator.snapshot(REGION).keys).toEqual([]);
    expect(unwrap(await everyAccessKey(backend.api))).toEqual([]);

    backend.desktop.userActive = true;
    const asked = backend.desktop.confirmations.length;
    const key = unwrap(await backend.api.jdcloud.createKey({ name: 'clicked', description: '', region: REGION }));
    expect(backend.desktop.confirmations).toHaveLength(asked);
    expect(emulator.snapshot(REGION).keys).toMatchObject([{ keyName: 'clicked', keyId: key.remote?.keyId }]);
  });
});
