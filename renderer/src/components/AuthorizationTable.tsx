import { useEffect, useId, useRef } from 'react';
import type { AuthorizationSummary } from '../../../electron/core/authorizations/types';
import { CreatedCell } from './CreatedCell';
import { useAppStore } from '../store';
import { BoundGroupsCell } from './BoundGroupsCell';
import { CallerKey } from './CallerKey';

function AuthorizationRow({ authorization, highlighted }: { authorization: AuthorizationSummary; highlighted: boolean }) {
  const open = useAppStore((s) => s.openAuthorizationDialog);
  const readOnly = useAppStore((s) => s.storeReadOnly());
  const row = useRef<HTMLTableRowElement>(null);
  // Row buttons are named "Edit"/"Bind"/"Delete"; the Access Key describes which row.
  const keyId = useId();

  useEffect(() => {
    if (!highlighted) return;
    // jsdom has no scrollIntoView; a real window does.
    row.current?.scrollIntoView?.({ block: 'center', inline: 'nearest', behavior: 'smooth' });
    row.current?.focus({ preventScroll: true });
  }, [highlighted]);

  const action = (kind: 'edit' | 'bind' | 'delete') => () => open({ kind, id: authorization.id });
  return (
    <tr ref={row} className={highlighted ? 'row-highlight' : undefined} tabIndex={highlighted ? -1 : undefined} aria-current={highlighted ? 'true' : undefined}>
      <td className="cell-primary">
        <CallerKey authorization={authorization} id={keyId} />
      </td>
      <td className="cell-description" dir="auto" title={authorization.description}>
        {authorization.description || <span className="muted">—</span>}
      </td>
      <td className="cell-nowrap">API caller</td>
      <td>
        <BoundGroupsCell groups={authorization.boundGroups} />
      </td>
      <CreatedCell iso={authorization.createdAt} />
      <td className="cell-actions">
        <button type="button" className="button button-small" aria-describedby={keyId} disabled={readOnly} onClick={action('edit')}>
          Edit
        </button>
        <button type="button" className="button button-small" aria-describedby={keyId} disabled={readOnly} onClick={action('bind')}>
          Bind
        </button>
        <button type="button" className="button button-small button-danger-outline" aria-describedby={keyId} disabled={readOnly} onClick={action('delete')}>
          Delete
        </button>
      </td>
    </tr>
  );
}

export function AuthorizationTable({ authorizations }: { authorizations: AuthorizationSummary[] }) {
  const highlighted = useAppStore((s) => s.highlightedAuthorizationId);
  return (
    <div className="table-wrap">
      <table className="table table-dense">
        <thead>
          <tr>
            <th scope="col">Access Key</th>
            <th scope="col">Description</th>
            <th scope="col">Caller type</th>
            <th scope="col">Bound API groups</th>
            <th scope="col">Created</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {authorizations.map((authorization) => (
            <AuthorizationRow key={authorization.id} authorization={authorization} highlighted={authorization.id === highlighted} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
