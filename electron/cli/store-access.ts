import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDataDir } from '../core/app-identity';
import type { AccessKeyRecord } from '../shared/access-keys/types';
import { visible } from '../shared/signing/input-rules';
import { STORE_FILE_NAME } from '../ipc/backend';
import { MetadataStore } from '../storage/metadata-store';
import { readStoreParts } from '../storage/journal/read-parts';
import { EXIT, ExitError } from './exit-codes';

/**
 * The data folder: GATEKEY_DATA_DIR, or the app's. The default folder may not
 * exist yet (Gatekey never ran): that is "no data". A GATEKEY_DATA_DIR that
 * names no folder is a mistake worth stopping for, or a script would sign
 * with nothing found, or write a store nobody reads.
 */
export function dataDirOf(env: NodeJS.ProcessEnv): string {
  const chosen = env.GATEKEY_DATA_DIR;
  if (chosen && !isFolder(chosen)) {
    throw new ExitError(EXIT.store, `no Gatekey data in ${visible(chosen, 400)}: ${existsSync(chosen) ? 'it is not a folder' : 'the folder does not exist'}. Check GATEKEY_DATA_DIR.`);
  }
  return chosen || defaultDataDir();
}

/** The store, read only: no lock is taken and nothing is created, so it works while the app runs. */
export function openStoreToRead(env: NodeJS.ProcessEnv): Promise<MetadataStore> {
  return MetadataStore.open(join(dataDirOf(env), STORE_FILE_NAME), { readOnly: true });
}

/**
 * The store, to write, as the app opens it: with the folder's lock. While the
 * app (or another command) holds the folder, it opens read-only and every
 * change is refused with the store's own STORE_READ_ONLY words. Close it to
 * save and release the lock.
 */
export function openStoreToWrite(env: NodeJS.ProcessEnv): Promise<MetadataStore> {
  return MetadataStore.open(join(dataDirOf(env), STORE_FILE_NAME));
}

/**
 * The access keys in the app's store; read only, and no folder is created
 * when there is none. Only the access keys' snapshot and the journal are read,
 * not the whole store. A store that cannot be read says why, in the store's
 * own words (as opening it would).
 */
export async function readAccessKeys(env: NodeJS.ProcessEnv): Promise<readonly AccessKeyRecord[]> {
  const storePath = join(dataDirOf(env), STORE_FILE_NAME);
  if (!existsSync(storePath)) return [];
  try {
    return (await readStoreParts(storePath, ['accessKeys'])).accessKeys;
  } catch {
    return (await MetadataStore.open(storePath, { readOnly: true })).read().accessKeys; // throws STORE_UNREADABLE with the reason
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
