import type { AccessKeySummary } from '../../../electron/shared/access-keys/types';
import { formatDateTime, shortenApiKey } from '../format';
import type { SortDirection } from '../store/access-keys-slice';
import { CopyButton } from './CopyButton';
import { Icon } from './Icon';
import { SecretStatusBadge } from './SecretMissingBadge';

export interface AccessKeyCellsProps {
  accessKey: AccessKeySummary;
  onOpen(): void;
  onCopyApiKey(): Promise<boolean>;
}

/** The list's column widths, header and cells live together: a new column is one change here. */
export const ACCESS_KEY_COLUMNS = ['22%', '130px', '170px', 'auto', '240px'];

export function AccessKeyHeaderCells({ sortDirection, onToggleSort }: { sortDirection: SortDirection; onToggleSort(): void }) {
  return (
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
  );
}

/** The cells of one Access Key list row (also rendered by the benchmark's plain table, so both draw the same). */
export function AccessKeyCells({ accessKey, onOpen, onCopyApiKey }: AccessKeyCellsProps) {
  return (
    <>
      <td className="cell-nowrap-strong">
        <button type="button" className="link-button" onClick={onOpen}>
          {accessKey.name}
        </button>
        <SecretStatusBadge status={accessKey.secretStatus} />
      </td>
      <td>
        <code>{accessKey.id}</code>
      </td>
      <td>
        <span className="cell-with-action">
          <code title={accessKey.apiKey}>{shortenApiKey(accessKey.apiKey)}</code>
          <CopyButton label="Copy APIKey" onCopy={onCopyApiKey} />
        </span>
      </td>
      <td className="cell-description" title={accessKey.description}>
        {accessKey.description || <span className="muted">—</span>}
      </td>
      <td className="cell-nowrap">
        <time dateTime={accessKey.createdAt}>{formatDateTime(accessKey.createdAt)}</time>
      </td>
    </>
  );
}
