import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDataDir } from '../core/app-identity';
import type { AccessKeyRecord } from '../shared/access-keys/types';
import { visible } from '../shared/signing/input-rules';
import { STORE_FILE_NAME } from '../ipc/backend';
import { MetadataStore } from '../storage/metadata-store';
import { EXIT, ExitError } from './exit-codes';

/**
 * The access keys in the app's store; read only, and no folder is created
 * when there is none. The default folder may not exist yet (Gatekey never
 * ran): that is "no keys". A GATEKEY_DATA_DIR that names no folder is a
 * mistake worth stopping for, or a script would sign with nothing found.
 */
export async function readAccessKeys(env: NodeJS.ProcessEnv): Promise<readonly AccessKeyRecord[]> {
  const chosen = env.GATEKEY_DATA_DIR;
  const dataDir = chosen || defaultDataDir();
  if (chosen && !isFolder(chosen)) {
    throw new ExitError(EXIT.store, `no Gatekey data in ${visible(chosen, 400)}: ${existsSync(chosen) ? 'it is not a folder' : 'the folder does not exist'}. Check GATEKEY_DATA_DIR.`);
  }
  const storePath = join(dataDir, STORE_FILE_NAME);
  if (!existsSync(storePath)) return [];
  return (await MetadataStore.open(storePath, { readOnly: true })).read().accessKeys;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
