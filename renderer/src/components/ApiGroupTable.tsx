import { memo, useId } from 'react';
import type { ApiGroupSummary } from '../../../electron/shared/api-groups/types';
import type { WindowedList } from '../queries/list-window';
import { CreatedCell } from './CreatedCell';
import { Icon } from './Icon';
import { LoadingCells } from './LoadingCells';
import { VirtualTable, type VirtualRowProps } from './VirtualTable';

const ROW_HEIGHT = 58;
const COLUMNS = ['150px', '165px', 'auto', 'auto', '120px', '110px', '84px'];

export interface ApiGroupTableProps {
  list: WindowedList<ApiGroupSummary>;
  readOnly: boolean;
  onEdit(group: ApiGroupSummary): void;
  onDelete(group: ApiGroupSummary): void;
}

type ApiGroupRowProps = Omit<ApiGroupTableProps, 'list'> & { group: ApiGroupSummary | undefined; rowProps: VirtualRowProps };

function ApiGroupRow({ group, readOnly, onEdit, onDelete, rowProps }: ApiGroupRowProps) {
  // Row buttons are named "Edit"/"Delete"; the group's name describes which one.
  const nameId = useId();
  if (!group) {
    return (
      <tr {...rowProps} aria-busy="true">
        <LoadingCells columns={COLUMNS.length} height={ROW_HEIGHT} />
      </tr>
    );
  }
  return (
    <tr {...rowProps}>
      <td className="cell-primary">
        <span id={nameId} className="cell-title" dir="auto">
          {group.name}
        </span>
        <code className="cell-secondary">{group.id}</code>
      </td>
      <td className="cell-nowrap">
        {group.region} <span className={`env env-${group.environment}`}>{group.environment}</span>
      </td>
      <td>
        <code className="cell-host" title={group.host}>
          {group.host}
        </code>
      </td>
      <td className="cell-description" dir="auto" title={group.description}>
        {group.description || <span className="muted">—</span>}
      </td>
      <td className="cell-number">{group.bindingCount}</td>
      <CreatedCell iso={group.createdAt} />
      <td className="cell-actions">
        <button type="button" className="icon-button" aria-label="Edit" title="Edit API group" aria-describedby={nameId} disabled={readOnly} onClick={() => onEdit(group)}>
          <Icon name="edit" size={15} />
        </button>
        <button type="button" className="icon-button icon-button-danger" aria-label="Delete" title="Delete API group" aria-describedby={nameId} disabled={readOnly} onClick={() => onDelete(group)}>
          <Icon name="trash" size={15} />
        </button>
      </td>
    </tr>
  );
}

/** Virtualised and windowed like the other lists. Enter on a row opens Edit. */
export const ApiGroupTable = memo(function ApiGroupTable({ list, ...actions }: ApiGroupTableProps) {
  return (
    <VirtualTable
      count={list.matching}
      rowAt={list.rowAt}
      onRowsShown={list.showRows}
      className="table table-dense"
      columns={COLUMNS}
      estimateRowHeight={ROW_HEIGHT}
      onOpen={(group) => !actions.readOnly && actions.onEdit(group)}
      header={
        <>
          <th scope="col">Name / ID</th>
          <th scope="col">Region / Env.</th>
          <th scope="col">Host</th>
          <th scope="col">Description</th>
          <th scope="col" title="Authorizations bound to this group">
            Authorizations
          </th>
          <th scope="col">Created</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </>
      }
      renderRow={(group, rowProps) => <ApiGroupRow group={group} rowProps={rowProps} {...actions} />}
    />
  );
});
