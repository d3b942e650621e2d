import { useStoreStatusWatch } from '../hooks/useStoreStatusWatch';
import { useAppStore } from '../store';
import { ConflictDialog } from './ConflictDialog';

/** Watches the data file's status for the whole app and asks the user when another program changed it. */
export function DataSafety() {
  useStoreStatusWatch();
  const store = useAppStore((s) => s.appStatus?.store);
  if (store?.state !== 'conflict') return null;
  return <ConflictDialog file={store.file} problem={store.problem} />;
}
