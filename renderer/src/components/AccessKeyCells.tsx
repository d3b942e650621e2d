import type { AccessKeySummary } from '../../../electron/shared/access-keys/types';
import { formatDateTime, shortenApiKey } from '../format';
import { CopyButton } from './CopyButton';
import { SecretStatusBadge } from './SecretMissingBadge';

export interface AccessKeyCellsProps {
  accessKey: AccessKeySummary;
  onOpen(): void;
  onCopyApiKey(): Promise<boolean>;
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
