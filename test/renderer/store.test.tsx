import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import keytar from 'keytar';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useCreateAccessKey, useDeleteAccessKey } from '../../renderer/src/queries/access-key-mutations';
import { firstAccessKeyPage, useAccessKey } from '../../renderer/src/queries/access-keys';
import { noteKeychainError, reconcileKeychain } from '../../renderer/src/queries/keychain';
import { queryKeys } from '../../renderer/src/queries/keys';
import { queryClient } from '../../renderer/src/queries/query-client';
import { ipcErrorOf } from '../../renderer/src/queries/unwrap';
import { resetAppStore, useAppStore } from '../../renderer/src/store';
import type { TestBackend } from '../support/test-backend';
import { connectBackend, disconnect } from './helpers';

const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
// Read as a component would: useQuery re-renders only for the fields read while rendering.
const renderKey = (id: string) =>
  renderHook(() => {
    const { data, error, isError, isFetching } = useAccessKey(id);
    return { data, error, isError, isFetching };
  }, { wrapper });
/** The list's first window (newest first, no search) as the cache holds it. */
const cachedKeys = () => queryClient.getQueryData(firstAccessKeyPage.queryKey)?.rows;
const pageInvalidated = () => queryClient.getQueryState(firstAccessKeyPage.queryKey)?.isInvalidated;

describe('access keys in the query cache', () => {
  let backend: TestBackend;
  beforeEach(async () => {
    backend = await connectBackend();
    await queryClient.fetchQuery(firstAccessKeyPage);
  });
  afterEach(() => disconnect(backend));

  it('create puts the key in its details, closes the dialog, opens them and confirms (the list learns it from main)', async () => {
    act(() => useAppStore.getState().openCreateDialog());
    expect(useAppStore.getState().createDialogOpen).toBe(true);
    const { result } = renderHook(() => useCreateAccessKey(), { wrapper });
    const created = await act(() => result.current.run({ name: 'svc', description: 'd' }));
    if (!created.ok) throw new Error(created.error.message);
    // Where it sits in the list is main's answer: no app is mounted here to hear main's event and ask.
    expect(cachedKeys()).toEqual([]);
    expect(queryClient.getQueryData(queryKeys.accessKeys.detail(created.data.id))).toEqual(created.data);
    const state = useAppStore.getState();
    expect(state.createDialogOpen).toBe(false);
    expect(state.screen).toEqual({ name: 'accessKeyDetails', id: created.data.id });
    expect(state.toasts.map((t) => t.message)).toEqual(['Access key created']);
  });

  it('a failed create changes nothing but returns the error for the form', async () => {
    await backend.api.accessKeys.create({ name: 'taken', description: '' });
    await queryClient.fetchQuery({ ...firstAccessKeyPage, staleTime: 0 });
    act(() => useAppStore.getState().openCreateDialog());
    const { result } = renderHook(() => useCreateAccessKey(), { wrapper });
    const created = await act(() => result.current.run({ name: 'TAKEN', description: '' }));
    expect(!created.ok && created.error.code).toBe('NAME_TAKEN');
    expect(cachedKeys()?.map((k) => k.name)).toEqual(['taken']);
    expect(useAppStore.getState().createDialogOpen).toBe(true);
    expect(useAppStore.getState().toasts).toEqual([]);
  });

  it('delete takes the key out of the list at once, asks for the list again, returns to it and names the key in the toast', async () => {
    const { result } = renderHook(() => ({ create: useCreateAccessKey(), remove: useDeleteAccessKey() }), { wrapper });
    const created = await act(() => result.current.create.run({ name: 'gone', description: '' }));
    if (!created.ok) throw new Error(created.error.message);
    await queryClient.fetchQuery({ ...firstAccessKeyPage, staleTime: 0 });
    expect(cachedKeys()?.map((k) => k.name)).toEqual(['gone']);
    await act(() => result.current.remove.run(created.data.id));
    expect(cachedKeys()).toEqual([]);
    expect(queryClient.getQueryData(firstAccessKeyPage.queryKey)).toMatchObject({ total: 0, matching: 0 });
    expect(pageInvalidated()).toBe(true);
    expect(useAppStore.getState().screen).toEqual({ name: 'accessKeyList' });
    expect(useAppStore.getState().toasts.at(-1)?.message).toBe('Access key "gone" deleted');
  });

  it('a details page whose key is gone says NOT_FOUND and drops it from the list', async () => {
    const created = await backend.api.accessKeys.create({ name: 'stale', description: '' });
    if (!created.ok) throw new Error(created.error.message);
    await queryClient.fetchQuery({ ...firstAccessKeyPage, staleTime: 0 });
    expect(cachedKeys()?.map((k) => k.name)).toEqual(['stale']);
    // Deleted elsewhere: no app is mounted here, so no event tells this cache.
    await backend.api.accessKeys.delete({ id: created.data.id });
    const { result } = renderKey(created.data.id);
    // The row the user clicked shows until main answers.
    expect(result.current.data?.name).toBe('stale');
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(ipcErrorOf(result.current.error).code).toBe('NOT_FOUND');
    expect(cachedKeys()).toEqual([]);
  });

  it('a reconcile brings every key’s secret status into the list', async () => {
    const kept = await backend.api.accessKeys.create({ name: 'kept', description: '' });
    const lost = await backend.api.accessKeys.create({ name: 'lost', description: '' });
    if (!kept.ok || !lost.ok) throw new Error('create failed');
    await keytar.deletePassword(backend.service, lost.data.id);
    await queryClient.fetchQuery({ ...firstAccessKeyPage, staleTime: 0 });
    // The list is on screen, so the reconcile refreshes it before it reports.
    const { result } = renderHook(() => useQuery(firstAccessKeyPage).data?.rows, { wrapper });
    expect(result.current?.map((k) => k.secretStatus)).toEqual(['present', 'present']);
    await act(() => reconcileKeychain());
    // Refreshed before the reconcile says it is done, so notice and badges change together.
    const status = Object.fromEntries((cachedKeys() ?? []).map((k) => [k.name, k.secretStatus]));
    expect(status).toEqual({ kept: 'present', lost: 'missing' });
    // Newest first: "lost" was created last.
    await waitFor(() => expect(result.current?.map((k) => k.secretStatus)).toEqual(['missing', 'present']));
    expect(queryClient.getQueryData(queryKeys.keychain.reconcile)).toMatchObject({ missingSecretIds: [lost.data.id] });
  });

  it('a keychain error on one key marks it in the list and on its details page until the next reconcile', async () => {
    const created = await backend.api.accessKeys.create({ name: 'one', description: '' });
    if (!created.ok) throw new Error(created.error.message);
    await queryClient.fetchQuery({ ...firstAccessKeyPage, staleTime: 0 });
    const { result } = renderKey(created.data.id);
    await waitFor(() => expect(result.current.isFetching).toBe(false));

    act(() => noteKeychainError({ code: 'KEYCHAIN_LOCKED', message: 'locked' }, created.data.id));
    expect(cachedKeys()?.[0]?.secretStatus).toBe('unreadable');
    await waitFor(() => expect(result.current.data?.secretStatus).toBe('unreadable'));
    expect(queryClient.getQueryData(queryKeys.keychain.state)).toEqual({ state: 'locked', message: 'locked' });

    act(() => noteKeychainError({ code: 'SECRET_MISSING', message: '' }, created.data.id));
    expect(cachedKeys()?.[0]?.secretStatus).toBe('missing');
    await waitFor(() => expect(result.current.data?.secretStatus).toBe('missing'));
  });
});

describe('toasts', () => {
  it('keeps at most three, newest last', () => {
    resetAppStore();
    for (const message of ['a', 'b', 'c', 'd']) act(() => useAppStore.getState().showToast(message));
    expect(useAppStore.getState().toasts.map((t) => t.message)).toEqual(['b', 'c', 'd']);
  });
});
