/**
 * Groups matching a Bind pane's search: by name or ID, ignoring case, kept in the given order.
 * The dialog holds the (bounded) catalogue itself, so it filters here, not in main.
 */
export function groupsMatching<T extends { id: string; name: string }>(groups: T[], query: string): T[] {
  const needle = query.trim().toLowerCase();
  return needle ? groups.filter((g) => `${g.name}\u0000${g.id}`.toLowerCase().includes(needle)) : groups;
}
