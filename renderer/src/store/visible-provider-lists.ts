import type { ApiGroupSummary } from '../../../electron/shared/api-groups/types';
import type { AuthorizationSummary } from '../../../electron/shared/authorizations/types';
import { filterRows, needleOf, newestFirst, perList, searchIndex } from './list-search';

const groupIndex = perList((groups: ApiGroupSummary[]) => searchIndex([...groups].sort(newestFirst), (g) => [g.name, g.id, g.host]));

/** Groups whose name, ID or host contains `query` (ignoring case), newest first. */
export function visibleApiGroups(groups: ApiGroupSummary[], query: string): ApiGroupSummary[] {
  return filterRows(groupIndex(groups), query);
}

const authorizationIndex = perList((authorizations: AuthorizationSummary[]) =>
  searchIndex([...authorizations].sort(newestFirst), (a) => [a.callerKey, a.localAccessKey?.name ?? '']),
);

/** Authorizations whose Access Key (identifier, or the local key's name) contains `query`, newest first. */
export function visibleAuthorizations(authorizations: AuthorizationSummary[], query: string): AuthorizationSummary[] {
  return filterRows(authorizationIndex(authorizations), query);
}

/** Groups matching a Bind pane's search: by name or ID, kept in the given order. */
export function groupsMatching<T extends { id: string; name: string }>(groups: T[], query: string): T[] {
  const needle = needleOf(query);
  return needle ? groups.filter((g) => `${g.name}\u0000${g.id}`.toLowerCase().includes(needle)) : groups;
}
