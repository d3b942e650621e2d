import type { Collection, StoreData } from '../../shared/store/schema';

type AnyRecord = StoreData[Collection][number];

/**
 * The key that names a record in the journal: its ID, or for a binding its
 * pair. The pair is length-prefixed so no ID, whatever it holds, can make two
 * pairs read the same.
 */
export function keyOf(collection: Collection, record: AnyRecord): string {
  if (collection !== 'bindings') return (record as { id: string }).id;
  const { authorizationId, groupId } = record as StoreData['bindings'][number];
  return `${authorizationId.length}:${authorizationId}:${groupId}`;
}
