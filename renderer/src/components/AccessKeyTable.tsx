import { memo } from 'react';
import type { AccessKeySummary } from '../../../electron/shared/access-keys/types';
import { client } from '../api';
import { useAppStore } from '../store';
import type { SortDirection } from '../store/access-keys-slice';
import { useCopyAction } from '../hooks/useCopyAction';
import type { WindowedList } from '../queries/list-window';
import { ACCESS_KEY_COLUMNS, AccessKeyCells, AccessKeyHeaderCells } from './AccessKeyCells';
import { LoadingCells } from './LoadingCells';
import { VirtualTable, type VirtualRowProps } from './VirtualTable';

const ROW_HEIGHT = 49;

function AccessKeyRow({ accessKey, rowProps }: { accessKey: AccessKeySummary | undefined; rowProps: VirtualRowProps }) {
  const open = useAppStore((s) => s.openAccessKeyDetails);
  const copy = useCopyAction();
  if (!accessKey) {
    return (
      <tr {...rowProps} aria-busy="true">
        <LoadingCells columns={ACCESS_KEY_COLUMNS.length} height={ROW_HEIGHT} />
      </tr>
    );
  }
  return (
    // The whole row opens details for the mouse; the name button, or Enter on the focused row, for the keyboard.
    <tr {...rowProps} className="row-clickable" onClick={(event) => !(event.target as HTMLElement).closest('button') && open(accessKey.id)}>
      <AccessKeyCells accessKey={accessKey} onOpen={() => open(accessKey.id)} onCopyApiKey={() => copy(() => client.accessKeys.copyApiKey({ id: accessKey.id }), 'APIKey copied')} />
    </tr>
  );
}

export interface AccessKeyTableProps {
  list: WindowedList<AccessKeySummary>;
  sortDirection: SortDirection;
  onToggleSort(): void;
}

/** Virtualised and windowed: 10,000 keys render as the few rows in view, loaded a page at a time from main. */
export const AccessKeyTable = memo(function AccessKeyTable({ list, sortDirection, onToggleSort }: AccessKeyTableProps) {
  const open = useAppStore((s) => s.openAccessKeyDetails);
  return (
    <VirtualTable
      count={list.matching}
      rowAt={list.rowAt}
      onRowsShown={list.showRows}
      className="table"
      columns={ACCESS_KEY_COLUMNS}
      estimateRowHeight={ROW_HEIGHT}
      onOpen={(key) => open(key.id)}
      header={<AccessKeyHeaderCells sortDirection={sortDirection} onToggleSort={onToggleSort} />}
      renderRow={(accessKey, rowProps) => <AccessKeyRow accessKey={accessKey} rowProps={rowProps} />}
    />
  );
});
