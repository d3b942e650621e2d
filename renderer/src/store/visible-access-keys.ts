import { accessKeySearchText } from '../../../electron/shared/access-keys/rules';
import type { AccessKeySummary } from '../../../electron/shared/access-keys/types';
import type { SortDirection } from './access-keys-slice';
import { filterRows, oldestFirst, perList, searchIndex } from './list-search';

// Sorted and made searchable once per list; the direction only reverses it.
const indexOf = perList((keys: AccessKeySummary[]) => searchIndex([...keys].sort(oldestFirst), accessKeySearchText));

/** Keys matching `query` (the fields accessKeySearchText names, ignoring case), ordered by creation time. */
export function visibleAccessKeys(keys: AccessKeySummary[], query: string, direction: SortDirection): AccessKeySummary[] {
  return filterRows(indexOf(keys), query, direction === 'desc');
}
