import { useStoreStatusWatch } from '../hooks/useStoreStatusWatch';
import { useAppStore } from '../store';
import { ConflictDialog } from './ConflictDialog';
import { KeysToAdoptDialog } from './KeysToAdoptDialog';

/** Watches the data file's status for the whole app, asks the user when another program changed it, and says what a reload dropped. */
export function DataSafety() {
  useStoreStatusWatch();
  const store = useAppStore((s) => s.appStatus?.store);
  if (store?.state !== 'conflict') return <KeysToAdoptDialog />;
  return <ConflictDialog file={store.file} problem={store.problem} unsavedChanges={store.unsavedChanges} />;
}
