import type { AccessKeySummary } from '../../../electron/shared/access-keys/types';
import type { SortDirection } from './access-keys-slice';
import { filterRows, oldestFirst, perList, searchIndex } from './list-search';

// Sorted and made searchable once per list; the direction only reverses it.
const indexOf = perList((keys: AccessKeySummary[]) => searchIndex([...keys].sort(oldestFirst), (k) => [k.name, k.id, k.apiKey]));

/** Keys matching `query` (name, Access Key ID or APIKey, ignoring case), ordered by creation time. */
export function visibleAccessKeys(keys: AccessKeySummary[], query: string, direction: SortDirection): AccessKeySummary[] {
  return filterRows(indexOf(keys), query, direction === 'desc');
}
