import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccessKeySummary } from '../../electron/core/access-keys/types';
import { resetAppStore, useAppStore, useVisibleAccessKeys } from '../../renderer/src/store';
import { visibleAccessKeys } from '../../renderer/src/store/visible-access-keys';
import type { TestBackend } from '../support/test-backend';
import { connectBackend, disconnect } from './helpers';

const summary = (id: string, name: string, createdAt: string): AccessKeySummary => ({
  id,
  name,
  fingerprint: '00000000',
  description: '',
  apiKey: `${id.toUpperCase()}${'0'.repeat(20)}`,
  createdAt,
  updatedAt: createdAt,
  secretStatus: 'unchecked',
});

describe('visibleAccessKeys', () => {
  const keys = [
    summary('aaaaaaaaaaaa', 'zeta', '2024-02-01T00:00:00.000Z'),
    summary('bbbbbbbbbbbb', 'Alpha', '2024-03-01T00:00:00.000Z'),
    summary('cccccccccccc', 'beta', '2024-01-01T00:00:00.000Z'),
  ];

  it('orders by creation time in either direction', () => {
    expect(visibleAccessKeys(keys, '', 'desc').map((k) => k.name)).toEqual(['Alpha', 'zeta', 'beta']);
    expect(visibleAccessKeys(keys, '', 'asc').map((k) => k.name)).toEqual(['beta', 'zeta', 'Alpha']);
  });

  it('matches name, Access Key ID and APIKey without regard to case, ignoring surrounding spaces', () => {
    expect(visibleAccessKeys(keys, '  ALP ', 'desc').map((k) => k.name)).toEqual(['Alpha']);
    expect(visibleAccessKeys(keys, 'CCCC', 'desc').map((k) => k.name)).toEqual(['beta']);
    expect(visibleAccessKeys(keys, 'bbbbbbbbbbbb0000', 'desc').map((k) => k.name)).toEqual(['Alpha']);
    expect(visibleAccessKeys(keys, 'nope', 'desc')).toEqual([]);
  });
});

describe('app store', () => {
  let backend: TestBackend;
  beforeEach(async () => {
    backend = await connectBackend();
  });
  afterEach(() => disconnect(backend));

  it('keeps the derived list referentially stable when nothing relevant changes', async () => {
    await act(() => useAppStore.getState().createAccessKey({ name: 'one', description: '' }));
    const { result } = renderHook(() => useVisibleAccessKeys());
    const first = result.current;
    act(() => useAppStore.getState().showToast('unrelated'));
    expect(result.current).toBe(first);
    act(() => useAppStore.getState().setQuery('zzz'));
    expect(result.current).toEqual([]);
  });

  it('create adds the key, closes the dialog, opens its details and confirms', async () => {
    act(() => useAppStore.getState().openCreateDialog());
    expect(useAppStore.getState().createDialogOpen).toBe(true);
    const result = await act(() => useAppStore.getState().createAccessKey({ name: 'svc', description: 'd' }));
    if (!result.ok) throw new Error(result.error.message);
    const state = useAppStore.getState();
    expect(state.accessKeys.map((k) => k.name)).toEqual(['svc']);
    expect(state.createDialogOpen).toBe(false);
    expect(state.screen).toEqual({ name: 'accessKeyDetails', id: result.data.id });
    expect(state.toasts.map((t) => t.message)).toEqual(['Access key created']);
  });

  it('a failed create changes nothing but returns the error for the form', async () => {
    await backend.api.createAccessKey({ name: 'taken', description: '' });
    act(() => useAppStore.getState().openCreateDialog());
    const result = await act(() => useAppStore.getState().createAccessKey({ name: 'TAKEN', description: '' }));
    expect(!result.ok && result.error.code).toBe('NAME_TAKEN');
    expect(useAppStore.getState().createDialogOpen).toBe(true);
    expect(useAppStore.getState().toasts).toEqual([]);
  });

  it('delete removes the key, returns to the list and names it in the toast', async () => {
    await act(() => useAppStore.getState().loadAccessKeys());
    const created = await act(() => useAppStore.getState().createAccessKey({ name: 'gone', description: '' }));
    if (!created.ok) throw new Error(created.error.message);
    await act(() => useAppStore.getState().deleteAccessKey(created.data.id));
    const state = useAppStore.getState();
    expect(state.accessKeys).toEqual([]);
    expect(state.screen).toEqual({ name: 'accessKeyList' });
    expect(state.toasts.at(-1)?.message).toBe('Access key "gone" deleted');
  });

  it('fetching a key that is gone drops it from the list', async () => {
    const created = await act(() => useAppStore.getState().createAccessKey({ name: 'stale', description: '' }));
    if (!created.ok) throw new Error(created.error.message);
    await backend.api.deleteAccessKey({ id: created.data.id });
    const result = await act(() => useAppStore.getState().fetchAccessKey(created.data.id));
    expect(!result.ok && result.error.code).toBe('NOT_FOUND');
    expect(useAppStore.getState().accessKeys).toEqual([]);
  });

  it('keeps at most three toasts, newest last', () => {
    resetAppStore();
    for (const message of ['a', 'b', 'c', 'd']) act(() => useAppStore.getState().showToast(message));
    expect(useAppStore.getState().toasts.map((t) => t.message)).toEqual(['b', 'c', 'd']);
  });
});
