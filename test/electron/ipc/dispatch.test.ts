import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../electron/core/errors';
import { STORE_FILE_NAME } from '../../../electron/ipc/backend';
import { createDispatch, type Handlers } from '../../../electron/ipc/dispatch';
import { startTestBackend, type TestBackend } from '../../support/test-backend';

let backend: TestBackend;
beforeEach(async () => {
  backend = await startTestBackend();
});
afterEach(() => backend.cleanup());

describe('dispatch rejects bad payloads with a coded error and changes nothing', () => {
  const hostile: [string, string, unknown][] = [
    ['no payload', 'createAccessKey', undefined],
    ['a string payload', 'createAccessKey', 'payments'],
    ['an array payload', 'createAccessKey', ['payments', '']],
    ['a number for the name', 'createAccessKey', { name: 42, description: '' }],
    ['a missing field', 'createAccessKey', { name: 'payments' }],
    ['an unknown field', 'createAccessKey', { name: 'payments', description: '', apiSecret: 'X' }],
    ['an oversized name', 'createAccessKey', { name: 'a'.repeat(1_000_000), description: '' }],
    ['an oversized description', 'createAccessKey', { name: 'ok', description: 'x'.repeat(1_000_000) }],
    ['a __proto__ key', 'createAccessKey', JSON.parse('{"name":"ok","description":"","__proto__":{"polluted":true}}')],
    ['a constructor key', 'createAccessKey', { name: 'ok', description: '', constructor: 'x' }],
    ['an ID that is not 12 hex', 'revealAccessKeySecret', { id: '../../etc' }],
    ['an unknown field on a no-input call', 'listAccessKeys', { all: true }],
    ['a Date where an empty request is expected', 'listAccessKeys', new Date(0)],
    ['a Map where an empty request is expected', 'getAppStatus', new Map([['x', 1]])],
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
    const result = await backend.dispatch('createAccessKey', { name: 'no spaces please', description: '' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Name can contain only letters, digits, "-" and "_".', fields: { name: 'Name can contain only letters, digits, "-" and "_".' } },
    });
  });
});

describe('dispatch turns handler failures into results', () => {
  const handlersThatThrow = (error: unknown) =>
    ({
      listAccessKeys: () => {
        throw error;
      },
    }) as unknown as Handlers;

  it('passes AppErrors through with their code and words', async () => {
    const dispatch = createDispatch(handlersThatThrow(new AppError('KEYCHAIN_UNAVAILABLE', 'The OS keychain is locked.')));
    expect(await dispatch('listAccessKeys', {})).toEqual({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE', message: 'The OS keychain is locked.' } });
  });

  it('hides the details of unexpected errors from the renderer and logs only the method name', async () => {
    const log = vi.fn();
    const dispatch = createDispatch(handlersThatThrow(new Error('secret ABCDEF in a stack')), log);
    const result = await dispatch('listAccessKeys', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('ABCDEF');
    expect(log).toHaveBeenCalledWith('Gatekey: listAccessKeys failed', expect.any(Error));
  });
});
