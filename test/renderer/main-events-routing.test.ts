import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppStatus } from '../../electron/ipc/contract';
import type { StoreStatus } from '../../electron/shared/store/status';
import { routeMainEvent } from '../../renderer/src/events/route-event';
import { watchSavedToast } from '../../renderer/src/events/saved-toast';
import { queryKeys } from '../../renderer/src/queries/keys';
import { queryClient as queries, resetQueryClient } from '../../renderer/src/queries/query-client';
import { resetAppStore, useAppStore } from '../../renderer/src/store';

// Where each of main's events lands in the renderer: the app's own query cache and store, emptied per test.

beforeEach(() => {
  resetAppStore();
  resetQueryClient();
});
afterEach(() => resetQueryClient());

const file = '/data/gatekey-store.json';
const saved: StoreStatus = { state: 'ok', file };
const unsaved: StoreStatus = { state: 'ok', file, unsaved: { problem: 'Could not save (EISDIR)', since: '2026-12-01T10:00:00.000Z' } };
const status = (store: StoreStatus): AppStatus => ({ store, platform: 'linux', version: '0.0.0-test', firstRun: false });
const toasts = () => useAppStore.getState().toasts.map((t) => t.message);

describe('routeMainEvent', () => {
  it('dataChanged invalidates every query of the named topics, and only those', () => {
    const accessKeyPage = [...queryKeys.accessKeys.pages, { search: '', order: 'newest' }, 3];
    const authorizationPage = [...queryKeys.authorizations.pages, { search: 'abc' }, 0];
    for (const queryKey of [accessKeyPage, queryKeys.accessKeys.grants('a280dc988b22'), queryKeys.apiGroups.list, authorizationPage, queryKeys.authorizations.detail('aaaaaaaaaaaa')]) {
      queries.setQueryData(queryKey, []);
    }
    routeMainEvent({ type: 'dataChanged', data: { topics: ['accessKeys', 'apiGroups'], elsewhere: true } }, queries);
    const invalidated = (queryKey: readonly unknown[]) => queries.getQueryState(queryKey)?.isInvalidated;
    expect(invalidated(accessKeyPage)).toBe(true);
    expect(invalidated(queryKeys.accessKeys.grants('a280dc988b22'))).toBe(true);
    expect(invalidated(queryKeys.apiGroups.list)).toBe(true);
    expect(invalidated(authorizationPage)).toBe(false);
    expect(invalidated(queryKeys.authorizations.detail('aaaaaaaaaaaa'))).toBe(false);
  });

  it('storeStatus replaces the store part of the cached status', () => {
    queries.setQueryData(queryKeys.app.status, status(saved));
    routeMainEvent({ type: 'storeStatus', data: unsaved }, queries);
    expect(queries.getQueryData(queryKeys.app.status)).toEqual(status(unsaved));
  });

  it('keychainState: an unreadable keychain shows in the cache and brings the closed notice back', () => {
    useAppStore.getState().dismissReconcileNotice();
    routeMainEvent({ type: 'keychainState', data: { state: 'locked', message: 'Unlock your keyring.' } }, queries);
    expect(queries.getQueryData(queryKeys.keychain.state)).toEqual({ state: 'locked', message: 'Unlock your keyring.' });
    expect(useAppStore.getState().reconcileNoticeDismissed).toBe(false);
  });

  it('progress is kept per task until the work is done', () => {
    routeMainEvent({ type: 'progress', data: { task: 'importKeys', done: 0, total: 3 } }, queries);
    routeMainEvent({ type: 'progress', data: { task: 'importKeys', done: 2, total: 3 } }, queries);
    expect(useAppStore.getState().progress).toEqual({ importKeys: { done: 2, total: 3 } });
    routeMainEvent({ type: 'progress', data: { task: 'importKeys', done: 3, total: 3 } }, queries);
    expect(useAppStore.getState().progress).toEqual({});
  });
});

describe('watchSavedToast', () => {
  it('says "All changes saved" when unsaved changes reach the disk, however the status arrived, and only then', () => {
    const stop = watchSavedToast(queries);
    try {
      queries.setQueryData(queryKeys.app.status, status(saved));
      routeMainEvent({ type: 'storeStatus', data: saved }, queries);
      expect(toasts()).toEqual([]);
      routeMainEvent({ type: 'storeStatus', data: unsaved }, queries);
      expect(toasts()).toEqual([]);
      routeMainEvent({ type: 'storeStatus', data: saved }, queries);
      expect(toasts()).toEqual(['All changes saved']);
      // An answer to "Retry now" that lands in the cache the same way says it too.
      routeMainEvent({ type: 'storeStatus', data: unsaved }, queries);
      queries.setQueryData(queryKeys.app.status, status(saved));
      expect(toasts()).toEqual(['All changes saved', 'All changes saved']);
    } finally {
      stop();
    }
  });
});
