import type { ApiGroupSummary } from '../../../electron/core/api-groups/types';
import type { AuthorizationSummary } from '../../../electron/core/authorizations/types';

const newestFirst = (a: { createdAt: string; id: string }, b: { createdAt: string; id: string }) =>
  b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id);

const matches = (needle: string, fields: string[]) => fields.some((field) => field.toLowerCase().includes(needle));

/** Groups whose name, ID or host contains `query` (ignoring case), newest first. */
export function visibleApiGroups(groups: ApiGroupSummary[], query: string): ApiGroupSummary[] {
  const needle = query.trim().toLowerCase();
  const shown = needle ? groups.filter((g) => matches(needle, [g.name, g.id, g.host])) : groups;
  return [...shown].sort(newestFirst);
}

/** Authorizations whose Access Key (identifier, or the local key's name) contains `query`, newest first. */
export function visibleAuthorizations(authorizations: AuthorizationSummary[], query: string): AuthorizationSummary[] {
  const needle = query.trim().toLowerCase();
  const shown = needle
    ? authorizations.filter((a) => matches(needle, [a.callerKey, a.localAccessKey?.name ?? '']))
    : authorizations;
  return [...shown].sort(newestFirst);
}

/** Groups matching a Bind pane's search: by name or ID, kept in the given order. */
export function groupsMatching<T extends { id: string; name: string }>(groups: T[], query: string): T[] {
  const needle = query.trim().toLowerCase();
  return needle ? groups.filter((g) => matches(needle, [g.name, g.id])) : groups;
}
