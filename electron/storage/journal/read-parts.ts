import { emptyStore, type StoreData, type StorePart } from '../../shared/store/schema';
import { StoreLayout } from './layout';
import { loadStore } from './load-store';

/**
 * Reads only `parts` of the store at `file`: the manifest, those snapshots
 * and the journals (applying only their ops). Read-only: no lock, no
 * migration, nothing written. A single-file store is parsed whole. Parts not
 * asked for are left out; nothing at `file` reads as empty.
 */
export async function readStoreParts<P extends StorePart>(file: string, parts: readonly P[]): Promise<Pick<StoreData, P>> {
  const loaded = await loadStore(new StoreLayout(file), new Set(parts));
  const data = loaded?.data ?? emptyStore();
  return Object.fromEntries(parts.map((part) => [part, data[part]])) as Pick<StoreData, P>;
}
