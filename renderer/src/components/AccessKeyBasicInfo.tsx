import type { AccessKeySummary } from '../../../electron/shared/access-keys/types';
import { formatDateTime } from '../format';
import { client } from '../api';
import { useCopyAction } from '../hooks/useCopyAction';
import { CopyButton } from './CopyButton';
import { KeyGatewayInfo } from './jdcloud/KeyGatewayInfo';

export function AccessKeyBasicInfo({ accessKey }: { accessKey: AccessKeySummary }) {
  const copy = useCopyAction();
  return (
    <section className="card" aria-labelledby="basic-info-title">
      <h2 id="basic-info-title" className="card-title">
        Basic information
      </h2>
      <dl className="details-list">
        <dt>Name</dt>
        <dd>{accessKey.name}</dd>
        <dt>Access Key ID</dt>
        <dd className="cell-with-action">
          <code>{accessKey.id}</code>
          <CopyButton label="Copy Access Key ID" onCopy={() => copy(() => client.accessKeys.copyId({ id: accessKey.id }), 'Access Key ID copied')} />
        </dd>
        <dt>Description</dt>
        <dd>{accessKey.description || <span className="muted">No description</span>}</dd>
        <dt>Gateway</dt>
        <dd>
          <KeyGatewayInfo accessKey={accessKey} />
        </dd>
        <dt>Created</dt>
        <dd>
          <time dateTime={accessKey.createdAt}>{formatDateTime(accessKey.createdAt)}</time>
        </dd>
        <dt>Updated</dt>
        <dd>
          <time dateTime={accessKey.updatedAt}>{formatDateTime(accessKey.updatedAt)}</time>
        </dd>
      </dl>
    </section>
  );
}
