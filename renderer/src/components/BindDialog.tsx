import { useEffect, useState } from 'react';
import type { AuthorizationSummary } from '../../../electron/core/authorizations/types';
import type { IpcError } from '../api';
import { useListSelection } from '../hooks/useListSelection';
import { useAppStore } from '../store';
import { groupsMatching } from '../store/visible-provider-lists';
import { CallerKey } from './CallerKey';
import { Dialog } from './Dialog';
import { ErrorAlert } from './ErrorAlert';
import { GroupPane, type PaneGroup } from './GroupPane';

const byName = (a: PaneGroup, b: PaneGroup) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((id) => b.includes(id));

/** Moves groups between Available and Bound; Save sends the full bound set, Cancel forgets the moves. */
export function BindDialog({ authorization, gone = false }: { authorization: AuthorizationSummary; gone?: boolean }) {
  const groups = useAppStore((s) => s.apiGroups);
  const loadGroups = useAppStore((s) => s.loadApiGroups);
  const save = useAppStore((s) => s.setAuthorizationBindings);
  const close = useAppStore((s) => s.closeAuthorizationDialog);
  const [boundIds, setBoundIds] = useState(() => authorization.boundGroups.map((g) => g.id));
  const [queries, setQueries] = useState({ available: '', bound: '' });
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);

  useEffect(() => {
    void loadGroups({ quiet: true });
  }, [loadGroups]);

  // A group known to neither list any more (deleted meanwhile, lists refreshed) drops out of both panes.
  const saved = new Map(authorization.boundGroups.map((g) => [g.id, g]));
  const known = new Map<string, PaneGroup>([...saved, ...groups.map((g) => [g.id, { ...g, boundAt: saved.get(g.id)?.boundAt }] as const)]);
  const bound = boundIds.flatMap((id) => known.get(id) ?? []).sort(byName);
  const available = [...known.values()].filter((g) => !boundIds.includes(g.id)).sort(byName);
  const visibleAvailable = groupsMatching(available, queries.available);
  const visibleBound = groupsMatching(bound, queries.bound);
  const availableSelection = useListSelection(visibleAvailable.map((g) => g.id));
  const boundSelection = useListSelection(visibleBound.map((g) => g.id));
  const unchanged = sameSet(bound.map((g) => g.id), authorization.boundGroups.map((g) => g.id));

  const bind = (ids: string[]) => {
    setBoundIds((current) => [...current, ...ids.filter((id) => !current.includes(id))]);
    availableSelection.clear();
    setError(null);
  };
  const unbind = (ids: string[]) => {
    setBoundIds((current) => current.filter((id) => !ids.includes(id)));
    boundSelection.clear();
    setError(null);
  };

  const submit = async () => {
    setPending(true);
    setError(null);
    const result = await save(authorization.id, bound.map((g) => g.id));
    if (result.ok) return close();
    // The store has refreshed both lists: a group deleted meanwhile has left the panes.
    setPending(false);
    setError(result.error);
  };

  return (
    <Dialog
      title="Bind API Groups"
      size="wide"
      onClose={() => !pending && close()}
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
      {error && <ErrorAlert error={error} />}
    </Dialog>
  );
}
