import type { BoundGroup } from '../../../electron/shared/authorizations/types';

/** How many groups an authorization is bound to; the names on hover and in a disclosure. */
export function BoundGroupsCell({ groups }: { groups: BoundGroup[] }) {
  if (groups.length === 0) return <span className="muted">None</span>;
  const count = groups.length === 1 ? '1 group' : `${groups.length} groups`;
  return (
    <details className="bound-groups">
      <summary title={groups.map((g) => g.name).join(', ')}>{count}</summary>
      <ul className="bound-groups-list">
        {groups.map((group) => (
          <li key={group.id} dir="auto">
            {group.name}
          </li>
        ))}
      </ul>
    </details>
  );
}
