import type { ChangeList, Collection, StoreChanges } from '../../../electron/shared/store/status';

const NOUNS: Record<Collection, [string, string]> = {
  accessKeys: ['access key', 'access keys'],
  apiGroups: ['API group', 'API groups'],
  authorizations: ['authorization', 'authorizations'],
  bindings: ['binding', 'bindings'],
};
const ORDER: Collection[] = ['accessKeys', 'authorizations', 'bindings', 'apiGroups'];

export type ChangeKind = 'created' | 'edited' | 'deleted';

/** "2 access keys created: alpha, beta" per collection and kind; long lists end in "and N more". */
export function ChangeSummary({ changes, verbs, label }: { changes: StoreChanges; verbs: Record<ChangeKind, string>; label: string }) {
  const lines: Array<{ key: string; count: number; noun: string; verb: string; list: ChangeList }> = [];
  for (const collection of ORDER) {
    for (const kind of ['created', 'edited', 'deleted'] as const) {
      const list = changes[collection][kind];
      if (list.count === 0) continue;
      const [one, many] = NOUNS[collection];
      lines.push({ key: `${collection}-${kind}`, count: list.count, noun: list.count === 1 ? one : many, verb: verbs[kind], list });
    }
  }
  return (
    <ul className="choice-list" aria-label={label}>
      {lines.map(({ key, count, noun, verb, list }) => (
        <li key={key}>
          <strong>
            {count} {noun} {verb}:
          </strong>{' '}
          {list.items.map((item) => item.name).join(', ')}
          {count > list.items.length && ` and ${count - list.items.length} more`}
        </li>
      ))}
    </ul>
  );
}
