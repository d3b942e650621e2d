import { memo } from 'react';
import type { AccessKeySummary } from '../../../electron/shared/access-keys/types';
import { client } from '../api';
import { useAppStore } from '../store';
import type { SortDirection } from '../store/access-keys-slice';
import { useCopyAction } from '../hooks/useCopyAction';
import { ACCESS_KEY_COLUMNS, AccessKeyCells, AccessKeyHeaderCells } from './AccessKeyCells';
import { VirtualTable, type VirtualRowProps } from './VirtualTable';

function AccessKeyRow({ accessKey, rowProps }: { accessKey: AccessKeySummary; rowProps: VirtualRowProps }) {
  const open = useAppStore((s) => s.openAccessKeyDetails);
  const copy = useCopyAction();
  return (
    // The whole row opens details for the mouse; the name button, or Enter on the focused row, for the keyboard.
    <tr {...rowProps} className="row-clickable" onClick={(event) => !(event.target as HTMLElement).closest('button') && open(accessKey.id)}>
      <AccessKeyCells accessKey={accessKey} onOpen={() => open(accessKey.id)} onCopyApiKey={() => copy(() => client.accessKeys.copyApiKey({ id: accessKey.id }), 'APIKey copied')} />
    </tr>
  );
}

export interface AccessKeyTableProps {
  accessKeys: AccessKeySummary[];
  sortDirection: SortDirection;
  onToggleSort(): void;
}

/** Virtualised: 10,000 keys render as the few rows in view. */
export const AccessKeyTable = memo(function AccessKeyTable({ accessKeys, sortDirection, onToggleSort }: AccessKeyTableProps) {
  const open = useAppStore((s) => s.openAccessKeyDetails);
  return (
    <VirtualTable
      rows={accessKeys}
      className="table"
      columns={ACCESS_KEY_COLUMNS}
      estimateRowHeight={49}
      onOpen={(key) => open(key.id)}
      header={<AccessKeyHeaderCells sortDirection={sortDirection} onToggleSort={onToggleSort} />}
      renderRow={(accessKey, rowProps) => <AccessKeyRow accessKey={accessKey} rowProps={rowProps} />}
    />
  );
});
