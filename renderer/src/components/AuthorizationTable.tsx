import { memo, useId } from 'react';
import type { AuthorizationSummary } from '../../../electron/shared/authorizations/types';
import type { WindowedList } from '../queries/list-window';
import { CreatedCell } from './CreatedCell';
import { LoadingCells } from './LoadingCells';
import { useStoreReadOnly } from '../queries/app';
import { useAppStore } from '../store';
import { BoundGroupsCell } from './BoundGroupsCell';
import { CallerKey } from './CallerKey';
import { VirtualTable, type VirtualRowProps } from './VirtualTable';

const ROW_HEIGHT = 48;
const COLUMNS = ['262px', 'auto', '96px', '120px', '115px', '190px'];

interface AuthorizationRowProps {
  /** Undefined while its page is on its way. */
  authorization: AuthorizationSummary | undefined;
  highlighted: boolean;
  readOnly: boolean;
  rowProps: VirtualRowProps;
}

function AuthorizationRow({ authorization, highlighted, readOnly, rowProps }: AuthorizationRowProps) {
  const open = useAppStore((s) => s.openAuthorizationDialog);
  // Row buttons are named "Edit"/"Bind"/"Delete"; the Access Key describes which row.
  const keyId = useId();
  if (!authorization) {
    return (
      <tr {...rowProps} aria-busy="true">
        <LoadingCells columns={COLUMNS.length} height={ROW_HEIGHT} />
      </tr>
    );
  }

  const action = (kind: 'edit' | 'bind' | 'delete') => () => open({ kind, id: authorization.id });
  return (
    <tr {...rowProps} className={highlighted ? 'row-highlight' : undefined} aria-current={highlighted ? 'true' : undefined}>
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

export interface AuthorizationTableProps {
  list: WindowedList<AuthorizationSummary>;
  /** The highlighted row's place in the list, once main has said where it is. */
  reveal: { id: string; index: number } | null;
}

/** Virtualised and windowed: 100,000 authorizations render as the few rows in view, loaded a page at a time. Enter on a row opens Edit. */
export const AuthorizationTable = memo(function AuthorizationTable({ list, reveal }: AuthorizationTableProps) {
  const highlighted = useAppStore((s) => s.highlightedAuthorizationId);
  const open = useAppStore((s) => s.openAuthorizationDialog);
  const readOnly = useStoreReadOnly();
  return (
    <VirtualTable
      count={list.matching}
      rowAt={list.rowAt}
      onRowsShown={list.showRows}
      className="table table-dense"
      columns={COLUMNS}
      estimateRowHeight={ROW_HEIGHT}
      reveal={reveal}
      onOpen={(authorization) => open({ kind: 'edit', id: authorization.id })}
      header={
        <>
          <th scope="col">Access Key</th>
          <th scope="col">Description</th>
          <th scope="col">Caller type</th>
          <th scope="col">Bound API groups</th>
          <th scope="col">Created</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </>
      }
      renderRow={(authorization, rowProps) => <AuthorizationRow authorization={authorization} highlighted={authorization !== undefined && authorization.id === highlighted} readOnly={readOnly} rowProps={rowProps} />}
    />
  );
});
