import { memo } from 'react';
import type { AccessKeySummary } from '../../../electron/shared/access-keys/types';
import { client } from '../api';
import { useAppStore } from '../store';
import type { SortDirection } from '../store/access-keys-slice';
import { useCopyAction } from '../hooks/useCopyAction';
import { AccessKeyCells } from './AccessKeyCells';
import { Icon } from './Icon';
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

const COLUMNS = ['22%', '130px', '170px', 'auto', '240px'];

/** Virtualised: 10,000 keys render as the few rows in view. */
export const AccessKeyTable = memo(function AccessKeyTable({ accessKeys, sortDirection, onToggleSort }: AccessKeyTableProps) {
  const open = useAppStore((s) => s.openAccessKeyDetails);
  return (
    <VirtualTable
      rows={accessKeys}
      className="table"
      columns={COLUMNS}
      estimateRowHeight={49}
      onOpen={(key) => open(key.id)}
      header={
        <>
          <th scope="col">Name</th>
          <th scope="col">Access Key ID</th>
          <th scope="col">APIKey</th>
          <th scope="col">Description</th>
          <th scope="col" aria-sort={sortDirection === 'asc' ? 'ascending' : 'descending'}>
            <button type="button" className="sort-button" onClick={onToggleSort}>
              Created
              <Icon name={sortDirection === 'asc' ? 'arrowUp' : 'arrowDown'} size={12} />
            </button>
          </th>
        </>
      }
      renderRow={(accessKey, rowProps) => <AccessKeyRow accessKey={accessKey} rowProps={rowProps} />}
    />
  );
});
