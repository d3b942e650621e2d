import type { QueryClient } from '@tanstack/react-query';
import type { AppStatus } from '../../../electron/ipc/contract';
import type { StoreStatus } from '../../../electron/shared/store/status';
import { queryKeys } from '../queries/keys';
import { useAppStore } from '../store';

const isUnsaved = (store: StoreStatus | undefined) => store?.state === 'ok' && store.unsaved !== undefined;
const isSaved = (store: StoreStatus | undefined) => store?.state === 'ok' && store.unsaved === undefined;

/**
 * Says "All changes saved" when changes that waited to be saved reach the disk,
 * however the cached status learnt it (main's event, or the answer to "Retry now").
 * Returns the unsubscribe.
 */
export function watchSavedToast(queries: QueryClient): () => void {
  const storeOf = () => queries.getQueryData<AppStatus>(queryKeys.app.status)?.store;
  let previous = storeOf();
  return queries.getQueryCache().subscribe((event) => {
    if (event.query.queryKey[0] !== queryKeys.app.status[0] || event.query.queryKey[1] !== queryKeys.app.status[1]) return;
    const current = storeOf();
    if (isUnsaved(previous) && isSaved(current)) useAppStore.getState().showToast('All changes saved');
    previous = current;
  });
}
