import type { JdAccountView } from '../../../../electron/shared/jdcloud/types';
import type { IpcError } from '../../api';
import { formatDateTime } from '../../format';
import { ErrorAlert } from '../ErrorAlert';
import { Icon } from '../Icon';
import { RequestIds } from './RequestIds';

export type ConnectionCheck = { state: 'idle' } | { state: 'checking' } | { state: 'ok'; regions: Array<{ region: string; requestId: string; apiGroups: number }> } | { state: 'failed'; error: IpcError };

export interface AccountCardProps {
  account: JdAccountView;
  check: ConnectionCheck;
  readOnly: boolean;
  onCheck(): void;
  onChange(): void;
  onDisconnect(): void;
}

/** The connected account (never its SecretKey), and what the last check said. */
export function AccountCard({ account, check, readOnly, onCheck, onChange, onDisconnect }: AccountCardProps) {
  return (
    <section className="card" aria-labelledby="jd-account-title">
      <div className="jd-card-head">
        <h2 id="jd-account-title" className="card-title">
          Account
        </h2>
        <div className="toolbar">
          <button type="button" className="button" onClick={onCheck} disabled={check.state === 'checking'}>
            <Icon name="refresh" />
            <span>{check.state === 'checking' ? 'Checking…' : 'Check connection'}</span>
          </button>
          <button type="button" className="button" onClick={onChange} disabled={readOnly}>
            <Icon name="edit" />
            <span>Change account</span>
          </button>
          <button type="button" className="button button-danger-outline" onClick={onDisconnect} disabled={readOnly}>
            <span>Disconnect</span>
          </button>
        </div>
      </div>
      <dl className="details-list">
        <dt>AccessKey ID</dt>
        <dd>
          <code>{account.accessKeyId}</code>
        </dd>
        <dt>SecretKey</dt>
        <dd>{account.secretKeySource === 'keychain' ? 'In the OS keychain (never shown)' : 'From the environment'}</dd>
        <dt>Regions</dt>
        <dd>{account.regions.map((region) => <code key={region} className="jd-chip">{region}</code>)}</dd>
        <dt>Endpoint</dt>
        <dd>
          <code>{account.endpoint}</code>
        </dd>
        <dt>Connected</dt>
        <dd>
          <time dateTime={account.connectedAt}>{formatDateTime(account.connectedAt)}</time>
        </dd>
      </dl>
      <CheckResult check={check} />
    </section>
  );
}

function CheckResult({ check }: { check: ConnectionCheck }) {
  if (check.state === 'failed') {
    // The gateway's requestId of the refusal, for JD Cloud support (none when no reply came).
    const requestId = check.error.params?.requestId;
    return (
      <>
        <ErrorAlert error={check.error} />
        {typeof requestId === 'string' && requestId !== '' && <RequestIds ids={[requestId]} label="Request ID" />}
      </>
    );
  }
  if (check.state !== 'ok') return null;
  return (
    <div className="alert alert-info jd-check-ok" role="status">
      <Icon name="check" />
      <div>
        <p className="alert-title">JD Cloud accepted the account</p>
        <ul className="jd-plain-list">
          {check.regions.map((region) => (
            <li key={region.region}>
              <code>{region.region}</code>: {region.apiGroups} API {region.apiGroups === 1 ? 'group' : 'groups'}
            </li>
          ))}
        </ul>
        <RequestIds ids={check.regions.map((region) => region.requestId)} />
      </div>
    </div>
  );
}
