import { COLLECTIONS, type Collection } from '../../shared/store/schema';
import type { StoreCollections } from '../../shared/store/changes';
import { readRegularFile, STORE_READ_LIMIT } from '../regular-file';
import type { StoreLayout } from './layout';
import { keyOf } from './record-key';

type Loose = Record<string, unknown>;
const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);
const hasKey = (collection: Collection, item: unknown) =>
  isObject(item) && (collection === 'bindings' ? typeof item.authorizationId === 'string' && typeof item.groupId === 'string' : typeof item.id === 'string');

async function jsonOf(path: string): Promise<unknown> {
  try {
    const found = await readRegularFile(path, STORE_READ_LIMIT);
    return found ? JSON.parse(found.bytes.toString('utf8')) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The records a damaged journaled store still shows, for saying what a
 * restore discards: whatever snapshots parse, with the journal lines that
 * parse applied over them; nothing is validated beyond having a key. Only
 * names the manifest gives in this store's pattern are opened. Records are
 * only listed (no walk into nesting).
 */
export async function readLayoutLeniently(layout: StoreLayout, manifest: Loose): Promise<StoreCollections> {
  const parts = isObject(manifest.parts) ? manifest.parts : {};
  const maps = {} as Record<Collection, Map<string, unknown>>;
  for (const collection of COLLECTIONS) {
    maps[collection] = new Map();
    const name = parts[collection];
    if (typeof name !== 'string' || layout.parse(name)?.kind !== 'snapshot') continue;
    const snapshot = await jsonOf(layout.path(name));
    const items = isObject(snapshot) && Array.isArray(snapshot.items) ? snapshot.items : [];
    for (const item of items) if (hasKey(collection, item)) maps[collection].set(keyOf(collection, item as never), item);
  }
  const from = typeof manifest.journalFrom === 'number' && Number.isSafeInteger(manifest.journalFrom) && manifest.journalFrom > 0 ? manifest.journalFrom : 1;
  for (let number = from; ; number += 1) {
    const found = await readRegularFile(layout.journalPath(number), STORE_READ_LIMIT).catch(() => null);
    if (!found) break;
    for (const line of found.bytes.toString('utf8').split('\n')) {
      let entry: unknown;
      try {
        entry = JSON.parse(line);
      } catch {
        continue;
      }
      const ops = isObject(entry) && Array.isArray(entry.ops) ? entry.ops : [];
      for (const op of ops) {
        if (!isObject(op) || !COLLECTIONS.includes(op.part as Collection)) continue;
        const map = maps[op.part as Collection];
        if (typeof op.delete === 'string') map.delete(op.delete);
        else if (hasKey(op.part as Collection, op.put)) map.set(keyOf(op.part as Collection, op.put as never), op.put);
      }
    }
  }
  return Object.fromEntries(COLLECTIONS.map((collection) => [collection, [...maps[collection].values()]])) as unknown as StoreCollections;
}
