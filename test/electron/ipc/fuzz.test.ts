import { join } from 'node:path';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../../electron/shared/errors';
import { STORE_FILE_NAME } from '../../../electron/ipc/backend';
import { methods, type Method } from '../../../electron/ipc/contract';
import { startTestBackend, type TestBackend } from '../../support/test-backend';
import { seededRandom } from '../../support/seeded-random';
import { storeFilesText } from '../../support/store-files';

// For every channel, 200+ hostile payloads through the real dispatch (schema,
// handlers, store, keychain): each must come back as a coded error, and
// nothing may change on disk or in the keychain.
const PER_CHANNEL = 200;

/** A payload that passes each channel's schema, to mutate from. Empty object for channels without input. */
const validBase: Partial<Record<Method, Record<string, unknown>>> = {
  'accessKeys.get': { id: 'a280dc988b22' },
  'accessKeys.create': { name: 'fuzz', description: '' },
  'accessKeys.update': { id: 'a280dc988b22', name: 'fuzz', description: '' },
  'accessKeys.delete': { id: 'a280dc988b22' },
  'accessKeys.revealSecret': { id: 'a280dc988b22' },
  'accessKeys.copySecret': { id: 'a280dc988b22' },
  'accessKeys.copyApiKey': { id: 'a280dc988b22' },
  'accessKeys.copyId': { id: 'a280dc988b22' },
  'keychain.restoreSecret': { id: 'a280dc988b22', secret: 'A'.repeat(32) },
  'keychain.deleteOrphan': { account: 'a280dc988b22' },
  'keychain.adoptOrphan': { account: 'a280dc988b22', apiKey: 'A'.repeat(32), name: 'x', description: '' },
  'accessKeys.listGrants': { id: 'a280dc988b22' },
  'accessKeys.names': { ids: ['a280dc988b22'] },
  'accessKeys.query': { search: '', order: 'newest', offset: 0, limit: 100 },
  'authorizations.query': { search: '', offset: 0, limit: 100 },
  'authorizations.get': { id: 'aaaaaaaaaaaa' },
  'authorizations.locate': { id: 'aaaaaaaaaaaa', search: '' },
  'apiGroups.query': { search: '', offset: 0, limit: 100 },
  'apiGroups.create': { name: 'g', description: '', region: 'cn-north-1', environment: 'test', host: 'a.b' },
  'apiGroups.update': { id: 'aaaaaaaaaaaa', name: 'g', description: '', region: 'cn-north-1', environment: 'test', host: 'a.b' },
  'apiGroups.delete': { id: 'aaaaaaaaaaaa' },
  'authorizations.create': { callerKey: 'a280dc988b22', description: '' },
  'authorizations.update': { id: 'aaaaaaaaaaaa', description: '' },
  'authorizations.delete': { id: 'aaaaaaaaaaaa' },
  'authorizations.setBindings': { id: 'aaaaaaaaaaaa', groupIds: [] },
  'keyFiles.export': { id: 'a280dc988b22' },
  'keyFiles.copyHandoffText': { id: 'a280dc988b22' },
  'keyFiles.previewImport': { candidates: [] },
  'keyFiles.import': { candidates: [] },
  'testCall.preview': { credentials: { kind: 'stored', accessKeyId: 'a280dc988b22' }, algorithm: 'JDCLOUD2', method: 'GET', url: 'http://127.0.0.1:9/', headers: [], body: '' },
  'testCall.send': { credentials: { kind: 'stored', accessKeyId: 'a280dc988b22' }, algorithm: 'JDCLOUD2', method: 'GET', url: 'http://127.0.0.1:9/', headers: [], body: '' },
  'store.resolveConflict': { choice: 'reload' },
};

const random = seededRandom(42);
const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const prototypeNames = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];
const deep = (depth: number, leaf: unknown = 'x'): unknown => (depth === 0 ? leaf : random() < 0.5 ? [deep(depth - 1, leaf)] : { a: deep(depth - 1, leaf) });
const hostileValues = (): unknown[] => [
  null,
  undefined,
  0,
  -1,
  Number.MAX_VALUE,
  Number.NaN,
  true,
  '',
  'x'.repeat(1_000_000),
  'a280dc988b22'.repeat(10),
  pick(prototypeNames),
  [],
  ['a280dc988b22'],
  {},
  deep(800),
  JSON.parse('{"__proto__": {"polluted": true}}'),
  new Date(0),
  new Uint8Array(16),
  new Map([['a', 1]]),
];

/** A payload that no schema can accept: the whole thing replaced, a field broken, or a field added. */
function hostilePayload(base: Record<string, unknown>): unknown {
  const fields = Object.keys(base);
  const choice = random();
  if (choice < 0.3 || fields.length === 0 && choice < 0.5) {
    return pick(hostileValues().filter((value) => !(value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0 && !(value instanceof Date) && !(value instanceof Uint8Array) && !(value instanceof Map))));
  }
  if (choice < 0.65 && fields.length > 0) {
    const field = pick(fields);
    const value = pick(hostileValues());
    const copy: Record<string, unknown> = { ...base, [field]: value };
    // A prototype name is a fine access-key or group *name*; make those fields hostile another way.
    if (field === 'name' && typeof value === 'string' && value.length < 1000) copy.name = `${value}\u0000`;
    if (field === 'description' && typeof value === 'string' && value.length < 1000) copy.description = `${value}\u202e`;
    if (field === 'description' && value === '') copy.description = 'x'.repeat(1_000_000);
    if (field === 'groupIds' && Array.isArray(value) && value.length === 0) copy.groupIds = [pick(prototypeNames)];
    if (field === 'candidates' && Array.isArray(value) && value.length === 0) copy.candidates = [{ source: pick(prototypeNames) }];
    // Any short text is a fine search, and an empty list of IDs a fine question: make those too long or not IDs.
    if (field === 'search' && typeof value === 'string' && value.length <= 200) copy.search = value.padEnd(201, 'x');
    if (field === 'ids' && Array.isArray(value)) copy.ids = [...value, pick(prototypeNames)];
    if (field === 'offset' && value === 0) copy.offset = 0.5;
    return copy;
  }
  const key = pick([...prototypeNames, 'extra', 'apiSecret', 'secret', '']);
  const copy = { ...base };
  Object.defineProperty(copy, key, { value: pick(hostileValues()), enumerable: true, configurable: true, writable: true });
  return copy;
}

let backend: TestBackend;
let storeBefore: string;
let keychainBefore: string[];
beforeAll(async () => {
  backend = await startTestBackend();
  await backend.api.accessKeys.create({ name: 'existing', description: '' });
  await backend.api.apiGroups.create({ name: 'group', description: '', region: 'cn-north-1', environment: 'test', host: 'a.b.c' });
  storeBefore = await storeFilesText(join(backend.dataDir, STORE_FILE_NAME));
  keychainBefore = (await keytar.findCredentials(backend.service)).map((c) => `${c.account}=${c.password}`).sort();
});
afterAll(() => backend.cleanup());

describe('IPC fuzzing', () => {
  it.each(methods)(`%s: ${PER_CHANNEL} hostile payloads, each a coded error`, async (method) => {
    const base = validBase[method] ?? {};
    for (let i = 0; i < PER_CHANNEL; i += 1) {
      const payload = hostilePayload(base);
      let result;
      try {
        result = await backend.dispatch(method, structuredClone(payload));
      } catch (error) {
        throw new Error(`${method} threw for payload #${i}: ${String(error)}`, { cause: error });
      }
      if (result.ok) throw new Error(`${method} accepted payload #${i}: ${JSON.stringify(payload)?.slice(0, 200)}`);
      expect(errorCodes).toContain(result.error.code);
      expect(typeof result.error.message).toBe('string');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('left the store file and the keychain exactly as they were', async () => {
    expect(await storeFilesText(join(backend.dataDir, STORE_FILE_NAME))).toBe(storeBefore);
    expect((await keytar.findCredentials(backend.service)).map((c) => `${c.account}=${c.password}`).sort()).toEqual(keychainBefore);
    expect(backend.clipboard.text).toBe('');
  });
});
