import { memo } from 'react';
import type { AccessKeySummary } from '../../../electron/core/access-keys/types';
import { api } from '../api';
import { formatDateTime, shortenApiKey } from '../format';
import { useAppStore } from '../store';
import type { SortDirection } from '../store/list-view-slice';
import { useCopyAction } from '../hooks/useCopyAction';
import { CopyButton } from './CopyButton';
import { Icon } from './Icon';
import { SecretMissingBadge } from './SecretMissingBadge';
import { VirtualTable, type VirtualRowProps } from './VirtualTable';

function AccessKeyRow({ accessKey, rowProps }: { accessKey: AccessKeySummary; rowProps: VirtualRowProps }) {
  const open = useAppStore((s) => s.openAccessKeyDetails);
  const copy = useCopyAction();
  return (
    // The whole row opens details for the mouse; the name button, or Enter on the focused row, for the keyboard.
    <tr {...rowProps} className="row-clickable" onClick={(event) => !(event.target as HTMLElement).closest('button') && open(accessKey.id)}>
      <td className="cell-nowrap-strong">
        <button type="button" className="link-button" onClick={() => open(accessKey.id)}>
          {accessKey.name}
        </button>
        {accessKey.secretStatus === 'missing' && <SecretMissingBadge />}
      </td>
      <td>
        <code>{accessKey.id}</code>
      </td>
      <td>
        <span className="cell-with-action">
          <code title={accessKey.apiKey}>{shortenApiKey(accessKey.apiKey)}</code>
          <CopyButton label="Copy APIKey" onCopy={() => copy(() => api.copyAccessKeyApiKey(accessKey.id), 'APIKey copied')} />
        </span>
      </td>
      <td className="cell-description" title={accessKey.description}>
        {accessKey.description || <span className="muted">—</span>}
      </td>
      <td className="cell-nowrap">
        <time dateTime={accessKey.createdAt}>{formatDateTime(accessKey.createdAt)}</time>
      </td>
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
