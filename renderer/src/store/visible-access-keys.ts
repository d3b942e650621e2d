import type { AccessKeySummary } from '../../../electron/core/access-keys/types';
import type { SortDirection } from './list-view-slice';

/** Keys matching `query` (name, Access Key ID or APIKey, ignoring case), ordered by creation time. */
export function visibleAccessKeys(keys: AccessKeySummary[], query: string, direction: SortDirection): AccessKeySummary[] {
  const needle = query.trim().toLowerCase();
  const matching = needle
    ? keys.filter((k) => [k.name, k.id, k.apiKey].some((field) => field.toLowerCase().includes(needle)))
    : keys;
  const sign = direction === 'asc' ? 1 : -1;
  // ISO timestamps sort as strings; the id breaks ties so the order is stable.
  return [...matching].sort((a, b) => sign * (a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)));
}
