import { useId, type ReactNode } from 'react';
import type { KeyImportPreviewEntry } from '../../../electron/shared/key-files/types';
import type { Refusal } from '../key-files';
import { useAppStore } from '../store';
import { Icon, type IconName } from './Icon';

type Tone = 'new' | 'existing' | 'duplicate' | 'rejected';

function Status({ tone, children }: { tone: Tone; children: ReactNode }) {
  const icon: IconName = tone === 'new' ? 'check' : tone === 'existing' ? 'info' : 'warning';
  return (
    <p className={`import-status import-status-${tone}`}>
      <Icon name={icon} size={14} />
      <span>{children}</span>
    </p>
  );
}

/** One item as main read it. Names and sources come from another machine: text only, never markup. */
function PreviewItem({ entry }: { entry: KeyImportPreviewEntry }) {
  const reveal = useAppStore((s) => s.revealImportedAuthorization);
  const titleId = useId();
  if (entry.status === 'rejected') return <RefusedItem refusal={entry} />;
  const { key } = entry;
  return (
    <li className="import-item" aria-labelledby={titleId}>
      <div className="import-item-head">
        <span id={titleId} className="import-item-name" dir="auto">
          {key.name}
        </span>
        <span className="import-item-source" dir="auto">
          {entry.source}
        </span>
      </div>
      <dl className="import-facts">
        <div>
          <dt>Access Key ID</dt>
          <dd>
            <code>{key.accessKeyId}</code>
          </dd>
        </div>
        <div>
          <dt>APIKey</dt>
          <dd>
            <code>{key.apiKey}</code>
          </dd>
        </div>
        <div>
          <dt>Fingerprint</dt>
          <dd>
            <code className="fingerprint">{key.fingerprint}</code>
          </dd>
        </div>
      </dl>
      {entry.status === 'new' && <Status tone="new">Will be authorized</Status>}
      {entry.status === 'duplicate' && <Status tone="duplicate">Duplicate in this import</Status>}
      {entry.status === 'alreadyAuthorized' && (
        <Status tone="existing">
          Already authorized{' '}
          <button type="button" className="button button-small" aria-describedby={titleId} onClick={() => reveal(entry.existingId)}>
            Open
          </button>
        </Status>
      )}
    </li>
  );
}

function RefusedItem({ refusal }: { refusal: Refusal }) {
  const titleId = useId();
  return (
    <li className="import-item import-item-rejected" aria-labelledby={titleId}>
      <div className="import-item-head">
        <span id={titleId} className="import-item-name" dir="auto">
          {refusal.source}
        </span>
      </div>
      <Status tone="rejected">Rejected: {refusal.reason}</Status>
    </li>
  );
}

/** Every item of the import: what main would do with it, and what never reached main. */
export function ImportPreviewList({ entries, refused }: { entries: KeyImportPreviewEntry[]; refused: Refusal[] }) {
  return (
    <ul className="import-list" aria-label="Items to import">
      {entries.map((entry, index) => (
        <PreviewItem key={`entry-${index}`} entry={entry} />
      ))}
      {refused.map((refusal, index) => (
        <RefusedItem key={`refused-${index}`} refusal={refusal} />
      ))}
    </ul>
  );
}
