import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../electron/shared/errors';
import { STORE_FILE_NAME } from '../../../electron/ipc/backend';
import { createDispatch, type FlatHandlers } from '../../../electron/ipc/dispatch';
import { startTestBackend, type TestBackend } from '../../support/test-backend';

let backend: TestBackend;
beforeEach(async () => {
  backend = await startTestBackend();
});
afterEach(() => backend.cleanup());

describe('dispatch rejects bad payloads with a coded error and changes nothing', () => {
  const hostile: [string, string, unknown][] = [
    ['no payload', 'accessKeys.create', undefined],
    ['a string payload', 'accessKeys.create', 'payments'],
    ['an array payload', 'accessKeys.create', ['payments', '']],
    ['a number for the name', 'accessKeys.create', { name: 42, description: '' }],
    ['a missing field', 'accessKeys.create', { name: 'payments' }],
    ['an unknown field', 'accessKeys.create', { name: 'payments', description: '', apiSecret: 'X' }],
    ['an oversized name', 'accessKeys.create', { name: 'a'.repeat(1_000_000), description: '' }],
    ['an oversized description', 'accessKeys.create', { name: 'ok', description: 'x'.repeat(1_000_000) }],
    ['a __proto__ key', 'accessKeys.create', JSON.parse('{"name":"ok","description":"","__proto__":{"polluted":true}}')],
    ['a constructor key', 'accessKeys.create', { name: 'ok', description: '', constructor: 'x' }],
    ['an ID that is not 12 hex', 'accessKeys.revealSecret', { id: '../../etc' }],
    ['an unknown field on a no-input call', 'app.getStatus', { all: true }],
    ['a Date where an empty request is expected', 'app.getStatus', new Date(0)],
    ['a Map where an empty request is expected', 'app.getStatus', new Map([['x', 1]])],
    ['an unknown method', 'dropEverything', {}],
    ['an inherited name as method', '__proto__', {}],
  ];

  it.each(hostile)('%s', async (_label, method, payload) => {
    const result = await backend.dispatch(method, payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.any(String) } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await expect(readFile(join(backend.dataDir, STORE_FILE_NAME))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('names the offending field for forms', async () => {
    const result = await backend.dispatch('accessKeys.create', { name: 'no spaces please', description: '' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'Name can contain only letters, digits, "-" and "_".',
        reason: 'invalidField',
        params: { field: 'name' },
        fields: { name: 'Name can contain only letters, digits, "-" and "_".' },
        fieldReasons: { name: { reason: 'invalidFormat', params: { format: 'regex' } } },
      },
    });
  });
});

describe('dispatch turns handler failures into results', () => {
  const handlersThatThrow = (error: unknown) =>
    ({
      'app.getStatus': () => {
        throw error;
      },
    }) as unknown as FlatHandlers;

  it('passes AppErrors through with their code, words, reason and params', async () => {
    const dispatch = createDispatch(handlersThatThrow(new AppError('KEYCHAIN_LOCKED', 'The OS keychain is locked (the default keyring).', { reason: 'keychainDefaultLocked', params: { platform: 'linux' } })));
    expect(await dispatch('app.getStatus', {})).toEqual({
      ok: false,
      error: { code: 'KEYCHAIN_LOCKED', message: 'The OS keychain is locked (the default keyring).', reason: 'keychainDefaultLocked', params: { platform: 'linux' } },
    });
  });

  it('gives every field an AppError names a reason: its own where the service gave one, else the error\'s', async () => {
    const error = new AppError('INVALID_INPUT', 'Only http:// and https:// URLs can be called.', { reason: 'urlSchemeRefused', fields: { url: 'Only http:// and https:// URLs can be called.' } });
    expect(await createDispatch(handlersThatThrow(error))('app.getStatus', {})).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'Only http:// and https:// URLs can be called.',
        reason: 'urlSchemeRefused',
        params: {},
        fields: { url: 'Only http:// and https:// URLs can be called.' },
        fieldReasons: { url: { reason: 'urlSchemeRefused', params: {} } },
      },
    });
    const taken = new AppError('NAME_TAKEN', 'An access key named "payments" already exists.', {
      reason: 'accessKeyNameTaken',
      params: { name: 'payments' },
      fields: { name: 'This name is already used by another access key (names ignore case).' },
      fieldReasons: { name: { reason: 'nameUsedByAccessKey', params: {} } },
    });
    expect(await createDispatch(handlersThatThrow(taken))('app.getStatus', {})).toMatchObject({
      ok: false,
      error: { reason: 'accessKeyNameTaken', params: { name: 'payments' }, fieldReasons: { name: { reason: 'nameUsedByAccessKey', params: {} } } },
    });
  });

  it('hides the details of unexpected errors from the renderer and logs only the method name', async () => {
    const log = vi.fn();
    const dispatch = createDispatch(handlersThatThrow(new Error('secret ABCDEF in a stack')), log);
    const result = await dispatch('app.getStatus', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('ABCDEF');
    expect(log).toHaveBeenCalledWith('Gatekey: app.getStatus failed', expect.any(Error));
  });
});
