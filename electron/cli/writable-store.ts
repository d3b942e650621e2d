import { AppError } from '../shared/errors';
import type { MetadataStore } from '../storage/metadata-store';
import { openStoreToRead, openStoreToWrite } from './store-access';

/**
 * Runs `use` on the data folder's store opened to write, then closes it: the
 * change is saved and the lock released before the command answers. A change
 * made but not saved is a failure, never "done".
 */
export async function withStoreToWrite<T>(env: NodeJS.ProcessEnv, use: (store: MetadataStore) => Promise<T>): Promise<T> {
  const store = await openStoreToWrite(env);
  let result: T;
  try {
    result = await use(store);
  } catch (error) {
    await store.close();
    throw error;
  }
  const saved = await store.close();
  if (!saved) {
    const status = store.status;
    const detail = status.state === 'ok' ? (status.unsaved?.problem ?? 'the save did not finish') : status.problem;
    throw new AppError('STORE_WRITE_FAILED', `The change could not be saved: ${detail}`, { reason: 'cliNotSaved', params: { detail } });
  }
  return result;
}

/** Runs `use` on the store opened read-only (no lock: works while the app runs). */
export async function withStoreToRead<T>(env: NodeJS.ProcessEnv, use: (store: MetadataStore) => Promise<T> | T): Promise<T> {
  const store = await openStoreToRead(env);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}
