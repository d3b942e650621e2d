import { useEffect } from 'react';
import type { StoreStatus } from '../../../electron/storage/store-status';
import { useAppStore, type AppState } from '../store';
import { watchWrites } from '../write-watch';

/** How often the status is asked for while changes wait to be saved or a conflict waits for the user. */
export const STATUS_POLL_MS = 3_000;

const storeOf = (state: AppState): StoreStatus | undefined => state.appStatus?.store;
const isUnsaved = (store: StoreStatus | undefined) => store?.state === 'ok' && store.unsaved !== undefined;
const isSaved = (store: StoreStatus | undefined) => store?.state === 'ok' && store.unsaved === undefined;

/**
 * Keeps the data file's status current: asks again after every write, polls
 * while something is pending (main retries saves on its own), and says when
 * unsaved changes have reached the disk.
 */
export function useStoreStatusWatch(): void {
  const loadAppStatus = useAppStore((s) => s.loadAppStatus);
  const pending = useAppStore((s) => isUnsaved(storeOf(s)) || storeOf(s)?.state === 'conflict');

  useEffect(() => watchWrites(() => void loadAppStatus()), [loadAppStatus]);

  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => void loadAppStatus(), STATUS_POLL_MS);
    return () => clearInterval(timer);
  }, [pending, loadAppStatus]);

  useEffect(
    () =>
      useAppStore.subscribe((state, previous) => {
        if (isUnsaved(storeOf(previous)) && isSaved(storeOf(state))) state.showToast('All changes saved');
      }),
    [],
  );
}
