import { useStoreStatus } from '../queries/app';
import { ReadOnlyBanner } from './ReadOnlyBanner';
import { UnsavedBanner } from './UnsavedBanner';

/**
 * What is wrong with the data file, above every screen. An unreadable file has
 * its own recovery screen, and a conflict its own dialog (see DataSafety).
 */
export function StoreProblemBanner() {
  const store = useStoreStatus();
  if (store?.state === 'readOnly') return <ReadOnlyBanner file={store.file} problem={store.problem} cause={store.cause} />;
  if (store?.state === 'ok' && store.unsaved) return <UnsavedBanner problem={store.unsaved.problem} since={store.unsaved.since} />;
  return null;
}
