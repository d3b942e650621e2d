import { useMemo, useState } from 'react';
import type { ApiGroupSummary } from '../../../electron/shared/api-groups/types';
import type { AuthorizationSummary } from '../../../electron/shared/authorizations/types';
import type { IpcError } from '../api';
import { useListSelection } from '../hooks/useListSelection';
import { useApiGroups } from '../queries/api-groups';
import { useSetAuthorizationBindings } from '../queries/authorizations';
import { useAppStore } from '../store';
import { groupsMatching } from '../store/group-search';
import { CallerKey } from './CallerKey';
import { Dialog } from './Dialog';
import { ErrorAlert } from './ErrorAlert';
import { GroupPane, type PaneGroup } from './GroupPane';

const collator = new Intl.Collator();
const byName = (a: PaneGroup, b: PaneGroup) => collator.compare(a.name, b.name) || collator.compare(a.id, b.id);
const sameSet = (a: string[], b: string[]) => {
  const other = new Set(b);
  return a.length === b.length && a.every((id) => other.has(id));
};
const NO_GROUPS: ApiGroupSummary[] = [];
/** What the dialog says once main's events tell it the authorization went (another window, the CLI). */
const GONE: IpcError = { code: 'NOT_FOUND', message: 'This authorization was deleted meanwhile, in another window or by the gatekey command. Nothing was saved.' };

/** Moves groups between Available and Bound; Save sends the full bound set, Cancel forgets the moves. */
export function BindDialog({ authorization, gone = false }: { authorization: AuthorizationSummary; gone?: boolean }) {
  // Main's events keep them current: a group deleted elsewhere leaves the panes while the dialog is open.
  const groups = useApiGroups().data ?? NO_GROUPS;
  const save = useSetAuthorizationBindings();
  const close = useAppStore((s) => s.closeAuthorizationDialog);
  const [boundIds, setBoundIds] = useState(() => authorization.boundGroups.map((g) => g.id));
  const [queries, setQueries] = useState({ available: '', bound: '' });
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);

  // A group known to neither list any more (deleted meanwhile, lists refreshed) drops out of both panes.
  const known = useMemo(() => {
    const saved = new Map(authorization.boundGroups.map((g) => [g.id, g]));
    return new Map<string, PaneGroup>([...saved, ...groups.map((g) => [g.id, { ...g, boundAt: saved.get(g.id)?.boundAt }] as const)]);
  }, [authorization.boundGroups, groups]);
  const { bound, available } = useMemo(() => {
    const boundSet = new Set(boundIds);
    return {
      bound: boundIds.flatMap((id) => known.get(id) ?? []).sort(byName),
      available: [...known.values()].filter((g) => !boundSet.has(g.id)).sort(byName),
    };
  }, [known, boundIds]);
  const visibleAvailable = useMemo(() => groupsMatching(available, queries.available), [available, queries.available]);
  const visibleBound = useMemo(() => groupsMatching(bound, queries.bound), [bound, queries.bound]);
  const availableSelection = useListSelection(visibleAvailable.map((g) => g.id));
  const boundSelection = useListSelection(visibleBound.map((g) => g.id));
  const unchanged = sameSet(bound.map((g) => g.id), authorization.boundGroups.map((g) => g.id));

  const bind = (ids: string[]) => {
    setBoundIds((current) => {
      const already = new Set(current);
      return [...current, ...ids.filter((id) => !already.has(id))];
    });
    availableSelection.clear();
    setError(null);
  };
  const unbind = (ids: string[]) => {
    setBoundIds((current) => {
      const leaving = new Set(ids);
      return current.filter((id) => !leaving.has(id));
    });
    boundSelection.clear();
    setError(null);
  };

  const shownError = error ?? (gone ? GONE : null);

  const submit = async () => {
    setPending(true);
    setError(null);
    const result = await save.run({ id: authorization.id, groupIds: bound.map((g) => g.id) });
    if (result.ok) return close();
    // Both lists were asked again: a group deleted meanwhile has left the panes.
    setPending(false);
    setError(result.error);
  };

  return (
    <Dialog
      title="Bind API Groups"
      size="wide"
      onCancel={pending ? undefined : close}
      footer={
        <>
          <button type="button" className="button" onClick={close} disabled={pending}>
            Cancel
          </button>
          <button type="button" className="button button-primary" onClick={submit} disabled={pending || unchanged || gone} title={unchanged ? 'Nothing changed yet' : undefined}>
            {pending ? 'Saving…' : 'Save'}
          </button>
        </>
      }
    >
      <div className="dialog-subject">
        <span className="dialog-subject-label">Access Key</span>
        <CallerKey authorization={authorization} />
      </div>
      <div className="transfer">
        <GroupPane title="Available" groups={visibleAvailable} total={available.length} selection={availableSelection} query={queries.available}
          onQueryChange={(available) => setQueries((q) => ({ ...q, available }))} onMove={(id) => bind([id])}
          emptyText={groups.length === 0 ? 'No API groups exist yet. Create them on the API Groups page.' : 'Every API group is bound.'} />
        <div className="transfer-buttons">
          <button type="button" className="button" aria-label="Bind selected" disabled={pending || availableSelection.selected.length === 0} onClick={() => bind(availableSelection.selected)}>
            Bind selected →
          </button>
          <button type="button" className="button" aria-label="Unbind selected" disabled={pending || boundSelection.selected.length === 0} onClick={() => unbind(boundSelection.selected)}>
            ← Unbind selected
          </button>
        </div>
        <GroupPane title="Bound" groups={visibleBound} total={bound.length} selection={boundSelection} query={queries.bound}
          onQueryChange={(bound) => setQueries((q) => ({ ...q, bound }))} onMove={(id) => unbind([id])}
          emptyText="No group bound yet. Select groups on the left and bind them." />
      </div>
      {shownError && <ErrorAlert error={shownError} />}
    </Dialog>
  );
}
