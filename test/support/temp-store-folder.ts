import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { MetadataStore, type StoreOptions } from '../../electron/storage/metadata-store';

/**
 * A fresh data folder per test and the stores opened in it, closed before the
 * folder goes. `use` hears the folder and store path of each test.
 */
export function tempStoreFolder(prefix: string, use: (dir: string, file: string) => void) {
  let file = '';
  let dir = '';
  const opened: MetadataStore[] = [];
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
    file = join(dir, 'gatekey-store.json');
    use(dir, file);
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    await rm(dir, { recursive: true, force: true });
  });
  return {
    openStore: async (options?: StoreOptions) => {
      const store = await MetadataStore.open(file, options);
      opened.push(store);
      return store;
    },
    /** Closes a store before the test ends (to open the folder again). */
    closed: async (store: MetadataStore) => {
      await store.close();
      opened.splice(opened.indexOf(store), 1);
    },
  };
}
