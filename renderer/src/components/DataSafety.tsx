import { useStoreStatus } from '../queries/app';
import { ConflictDialog } from './ConflictDialog';
import { KeysToAdoptDialog } from './KeysToAdoptDialog';

/** Asks the user when another program changed the data file (main's `storeStatus` event says so), and says what a reload dropped. */
export function DataSafety() {
  const store = useStoreStatus();
  if (store?.state !== 'conflict') return <KeysToAdoptDialog />;
  return <ConflictDialog file={store.file} problem={store.problem} unsavedChanges={store.unsavedChanges} />;
}
