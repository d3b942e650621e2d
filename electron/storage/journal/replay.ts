import type { Collection, StoreData, StorePart } from '../../shared/store/schema';
import { StoreFileProblem } from '../parse-store-file';
import type { JournalEntry } from './journal-entry';
import { keyOf } from './record-key';

type Parts = Partial<Pick<StoreData, StorePart>>;
type AnyRecord = StoreData[Collection][number];

/**
 * Applies journal entries over snapshots, as the services change the data in
 * memory: a put on a known key replaces the record where it is, a new key is
 * appended, a delete removes. A collection no entry touches keeps its
 * snapshot's array as is; only touched ones go through a Map. Ops on parts
 * not in `parts` are skipped (a reader that needs only some parts).
 */
export function replay(parts: Parts, entries: readonly JournalEntry[], name: (entry: JournalEntry) => string): { parts: Parts; touched: Set<StorePart> } {
  const maps = new Map<Collection, Map<string, AnyRecord>>();
  const touched = new Set<StorePart>();
  const result: Parts = { ...parts };
  const mapOf = (collection: Collection) => {
    let map = maps.get(collection);
    if (!map) {
      map = new Map();
      for (const record of result[collection] as readonly AnyRecord[]) map.set(keyOf(collection, record), record);
      maps.set(collection, map);
    }
    return map;
  };
  for (const entry of entries) {
    for (const op of entry.ops) {
      if (!(op.part in result)) continue;
      touched.add(op.part);
      if ('set' in op) result.jdcloud = op.set;
      else if ('put' in op) mapOf(op.part).set(keyOf(op.part, op.put), op.put);
      else if (!mapOf(op.part).delete(op.delete)) {
        throw new StoreFileProblem(`The journal ${name(entry)} deletes ${op.part} record ${JSON.stringify(op.delete)} that is not there (entry ${entry.seq}). The files were left untouched.`);
      }
    }
  }
  for (const [collection, map] of maps) (result as Record<Collection, unknown>)[collection] = Array.from(map.values());
  return { parts: result, touched };
}

