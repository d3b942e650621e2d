import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeChosenFile } from '../../../electron/adapters/files/write-chosen-file';
import { errorOfState } from '../../../electron/core/keychain-errors';
import { signTestRequest } from '../../../electron/core/signing/request';
import { errorReasons, type ErrorReason } from '../../../electron/shared/error-reasons';
import { AppError, type MessageParams } from '../../../electron/shared/errors';
import type { IpcError, Result } from '../../../electron/ipc/result';
import { keytarSecretStore } from '../../../electron/storage/keytar-secret-store';
import { startPrivateKeyring, type PrivateKeyring } from '../../support/private-keyring';
import { startTestBackend, testKeychainService, type TestBackend } from '../../support/test-backend';

/*
 * A window that words messages itself gets only code, reason and params: for
 * representative failures, those must hold every variable part of main's
 * English. Each is made twice with different values: replacing each value by
 * its param name must leave the same sentence both times.
 */

/** Params that pick a phrasing (ICU select) rather than appear in the words. */
const SELECTORS = new Set(['problem', 'kind', 'cause', 'platform', 'source', 'field']);

/** The words with every value param replaced by `{name}`; longest values first, so none is cut inside another. */
function template(message: string, params: MessageParams = {}): string {
  const values = Object.entries(params)
    .filter(([name]) => !SELECTORS.has(name))
    .sort(([, a], [, b]) => String(b).length - String(a).length);
  return values.reduce((text, [name, value]) => text.split(String(value)).join(`{${name}}`), message);
}

/** Code and reason as the registry pairs them, exactly its params, and each value param in the words. */
function expectWorded(error: { code: string; message: string; reason?: string; params?: MessageParams }, reason: ErrorReason): void {
  expect(error.reason).toBe(reason);
  expect(error.code).toBe(errorReasons[reason].code);
  const declared = errorReasons[reason].params as readonly string[];
  const given = Object.keys(error.params ?? {});
  for (const name of declared.filter((n) => !n.endsWith('?'))) expect(given, `${reason} needs ${name}`).toContain(name);
  for (const name of given) expect(declared.includes(name) || declared.includes(`${name}?`), `${reason} does not take ${name}`).toBe(true);
  for (const [name, value] of Object.entries(error.params ?? {})) {
    if (!SELECTORS.has(name)) expect(error.message, `${name} in the words`).toContain(String(value));
  }
}

function failure<T>(result: Result<T>): IpcError {
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

function data<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

const backends: TestBackend[] = [];
const folders: string[] = [];
let keyring: PrivateKeyring | undefined;
afterEach(async () => {
  for (const backend of backends.splice(0).reverse()) await backend.cleanup();
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
  await keyring?.close();
  keyring = undefined;
});
async function backend(options: Parameters<typeof startTestBackend>[0] = {}): Promise<TestBackend> {
  const started = await startTestBackend(options);
  backends.push(started);
  return started;
}

describe('a failure carries code, reason and every value of its words', () => {
  it('NAME_TAKEN: the name taken, and the field its own reason', async () => {
    const app = await backend();
    const taken = async (name: string) => {
      data(await app.api.accessKeys.create({ name, description: '' }));
      return failure(await app.api.accessKeys.create({ name: name.toUpperCase(), description: '' }));
    };
    const [first, second] = [await taken('payments-eu'), await taken('billing_us')];
    for (const error of [first, second]) {
      expectWorded(error, 'accessKeyNameTaken');
      expect(error.fieldReasons).toEqual({ name: { reason: 'nameUsedByAccessKey', params: {} } });
    }
    expect(first.params).toEqual({ name: 'payments-eu' });
    expect(template(first.message, first.params)).toBe('An access key named "{name}" already exists.');
    expect(template(second.message, second.params)).toBe(template(first.message, first.params));
  });

  it('ALREADY_EXISTS: the caller key as the message names it, and the record that exists', async () => {
    const app = await backend();
    const twice = async (callerKey: string) => {
      const created = data(await app.api.authorizations.create({ callerKey, description: '' }));
      return { created, error: failure(await app.api.authorizations.create({ callerKey, description: '' })) };
    };
    const byId = await twice('a1b2c3d4e5f6');
    const byApiKey = await twice('0123456789ABCDEF0123456789ABCDEF');
    for (const { created, error } of [byId, byApiKey]) {
      expectWorded(error, 'accessKeyAlreadyAuthorized');
      expect(error.existingId).toBe(created.id);
      expect(error.fieldReasons).toEqual({ callerKey: { reason: 'callerKeyAlreadyAuthorized', params: {} } });
    }
    expect(byId.error.params).toEqual({ callerKey: 'a1b2c3d4e5f6' });
    expect(template(byApiKey.error.message, byApiKey.error.params)).toBe(template(byId.error.message, byId.error.params));
  });

  it('INVALID_INPUT too long: the field, and its limit in the field reason', async () => {
    const app = await backend();
    const keyName = failure(await app.api.accessKeys.create({ name: 'a'.repeat(33), description: '' }));
    const groupName = failure(await app.api.apiGroups.create({ name: 'g'.repeat(65), description: '', region: 'cn-north-1', environment: 'test', host: 'abc.cn-north-1.jdcloud-api.net' }));
    for (const [error, maximum] of [[keyName, 32], [groupName, 64]] as const) {
      expectWorded(error, 'invalidField');
      expect(error.params).toEqual({ field: 'name' });
      expect(error.message).toBe(error.fields?.name);
      expect(error.fieldReasons?.name).toEqual({ reason: 'tooLong', params: { maximum } });
      expect(error.fields?.name).toContain(String(maximum));
    }
    expect(template(groupName.message, groupName.fieldReasons?.name?.params)).toBe(template(keyName.message, keyName.fieldReasons?.name?.params));
  });

  it('INVALID_INPUT from a rule of its own: the reason its check names', async () => {
    const app = await backend();
    const description = failure(await app.api.accessKeys.create({ name: 'ok', description: 'left\u202eright' }));
    expect(description.fieldReasons).toEqual({ description: { reason: 'unsafeCharacters', params: {} } });
    const callerKey = failure(await app.api.authorizations.create({ callerKey: 'a1b2c3 d4e5f6', description: '' }));
    expect(callerKey.fieldReasons).toEqual({ callerKey: { reason: 'callerKeyHasSpaces', params: {} } });
    const extra = failure(await app.dispatch('accessKeys.create', { name: 'ok', description: '', apiSecret: 'X', colour: 'red' }));
    expect(extra.fieldReasons?._).toEqual({ reason: 'unexpectedFields', params: { keys: 'apiSecret, colour' } });
    expect(extra.fields?._).toContain('apiSecret, colour');
  });

  it('every refusal of a hostile request names its message, and every field it names has a reason', async () => {
    const app = await backend();
    const hostile: Array<[string, unknown]> = [
      ['accessKeys.create', undefined],
      ['accessKeys.create', { name: 42, description: '' }],
      ['accessKeys.create', { name: 'payments' }],
      ['accessKeys.revealSecret', { id: '../../etc' }],
      ['apiGroups.create', { name: 'x', description: '', region: 'CN', environment: 'prod', host: 'https://x' }],
      ['dropEverything', {}],
    ];
    for (const [method, payload] of hostile) {
      const error = failure(await app.dispatch(method, payload));
      expect(error.reason, method).toMatch(/^(invalidField|unknownRequest|requestNotPlainObject)$/);
      expectWorded(error, error.reason!);
      expect(Object.keys(error.fieldReasons ?? {}), method).toEqual(Object.keys(error.fields ?? {}));
    }
    const group = failure(await app.dispatch('apiGroups.create', { name: 'x', description: '', region: 'CN', environment: 'prod', host: 'https://x' }));
    expect(group.fieldReasons).toMatchObject({ region: { reason: 'invalidFormat' }, environment: { reason: 'notOneOf', params: { options: 'test, preview, online' } } });
  });

  it('INVALID_INPUT for a value to sign: which field, where it came from, and the value quoted', () => {
    const refusal = (host: string) => {
      try {
        signTestRequest({ method: 'GET', url: `https://${host}/v1/items`, headers: [], body: '' }, { apiKey: 'A'.repeat(32), secret: 'S'.repeat(32) }, { algorithm: 'JDCLOUD2', date: '20261129T101010Z', nonce: 'n-1' });
      } catch (error) {
        return error as AppError;
      }
      throw new Error('expected a refusal');
    };
    const [first, second] = [refusal('a$(id).cn-north-1.jdcloud-api.net'), refusal('svc.cn_north.jdcloud-api.net')];
    expectWorded(first, 'signingValueRefused');
    expect(first.params).toEqual({ field: 'service', source: 'host', problem: 'notService', value: 'a$(id)' });
    expect(second.params).toEqual({ field: 'region', source: 'host', problem: 'notRegion', value: 'cn_north' });
    expect(first.fields).toEqual({ service: first.message });
  });

  it('STORE_READ_ONLY: the status it quotes, and why the data is read-only', async () => {
    // Gatekey never raises STORE_WRITE_FAILED (a failed save is kept and retried): a write refused is STORE_READ_ONLY.
    const first = await backend();
    const second = await backend({ dataDir: first.dataDir });
    const error = failure(await second.api.apiGroups.create({ name: 'Orders', description: '', region: 'cn-north-1', environment: 'test', host: 'abc.cn-north-1.jdcloud-api.net' }));
    expectWorded(error, 'storeReadOnly');
    expect(error.params).toEqual({ detail: error.message, cause: 'anotherInstance' });
    expect(error.message).toContain(`process ${process.pid}`);
  });

  it('FILE_WRITE_FAILED: the path, and which problem it was', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'gatekey-write-'));
    folders.push(folder);
    const refusal = async (name: string) => {
      await mkdir(join(folder, name));
      return (await writeChosenFile(join(folder, name), 'x').catch((error: unknown) => error)) as AppError;
    };
    const [first, second] = [await refusal('keys.gatekey.json'), await refusal('other.json')];
    for (const error of [first, second]) {
      expect(error).toBeInstanceOf(AppError);
      expectWorded(error, 'fileWriteFailed');
      expect(error.params).toMatchObject({ problem: 'folder' });
    }
    expect(template(first.message, first.params)).toBe('Could not write {path}: It is a folder, not a file. Choose another file name.');
    expect(template(second.message, second.params)).toBe(template(first.message, first.params));
  });
});

describe.runIf(process.platform === 'linux')('a locked keychain says which lock, and how many entries', () => {
  it('KEYCHAIN_LOCKED through the backend, from the secret store, and again from the state it left', async () => {
    keyring = await startPrivateKeyring();
    const service = testKeychainService();
    const secrets = keytarSecretStore(service, { busAddress: keyring.busAddress });
    const app = await backend({ service, secrets });
    const payments = data(await app.api.accessKeys.create({ name: 'payments', description: '' }));
    await keyring.lock();

    const reveal = failure(await app.api.accessKeys.revealSecret({ id: payments.id }));
    expectWorded(reveal, 'keychainEntryLocked');
    expect(reveal.params).toEqual({ platform: 'linux' });

    const lockedEntries = async () => (await secrets.accounts().catch((error: unknown) => error)) as AppError;
    const one = await lockedEntries();
    expectWorded(one, 'keychainEntriesLocked');
    expect(one.params).toEqual({ count: 1, platform: 'linux' });
    await keyring.restartDaemon(); // comes back unlocked
    data(await app.api.accessKeys.create({ name: 'orders', description: '' }));
    await keyring.lock();
    const two = await lockedEntries();
    expect(two.params).toEqual({ count: 2, platform: 'linux' });
    expect(template(two.message, two.params)).toBe(template(one.message, one.params));

    const state = await secrets.state();
    expect(state).toMatchObject({ state: 'locked', reason: 'keychainDefaultLocked', params: { platform: 'linux' } });
    if (state.state === 'ready') throw new Error('expected a locked keychain');
    const again = errorOfState(state);
    expect({ code: again.code, message: again.message, reason: again.reason, params: again.params }).toEqual({
      code: 'KEYCHAIN_LOCKED',
      message: state.message,
      reason: 'keychainDefaultLocked',
      params: { platform: 'linux' },
    });
  });
});
