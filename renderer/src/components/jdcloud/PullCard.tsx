import { useState } from 'react';
import type { PullReport } from '../../../../electron/shared/jdcloud/types';
import type { IpcError } from '../../api';
import { useJdPull } from '../../queries/jdcloud';
import { useAppStore } from '../../store';
import { ErrorAlert } from '../ErrorAlert';
import { Icon } from '../Icon';
import { RequestIds } from './RequestIds';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** Reads the gateway into Gatekey's records (nothing changes in JD Cloud), and offers to adopt what only JD Cloud has. */
export function PullCard({ regions, readOnly }: { regions: string[]; readOnly: boolean }) {
  const pull = useJdPull();
  const [keys, setKeys] = useState(false);
  const [report, setReport] = useState<PullReport | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const showToast = useAppStore((s) => s.showToast);

  const run = async (adoptRemote: boolean) => {
    setError(null);
    const result = await pull.run({ keys, adoptRemote });
    if (!result.ok) return setError(result.error);
    setReport(result.data);
    showToast(adoptRemote ? `Adopted ${plural(result.data.authorizations.adopted, 'authorization', 'authorizations')} from JD Cloud` : 'Pulled from JD Cloud');
  };

  return (
    <section className="card" aria-labelledby="jd-pull-title">
      <div className="jd-card-head">
        <h2 id="jd-pull-title" className="card-title">
          Pull
        </h2>
        <div className="toolbar">
          <button type="button" className="button" onClick={() => void run(false)} disabled={pull.pending || readOnly}>
            <Icon name="arrowDown" />
            <span>{pull.pending ? 'Pulling…' : 'Pull'}</span>
          </button>
        </div>
      </div>
      <p className="card-text">
        Reads the API groups, their deployments and the access authorizations of {regions.join(', ')} and links them to Gatekey’s records.
        Nothing changes in JD Cloud.
      </p>
      <label className="jd-check">
        <input type="checkbox" checked={keys} onChange={(event) => setKeys(event.target.checked)} />
        <span>Also pull the account’s signature keys (their APISecrets go straight to the OS keychain)</span>
      </label>
      {error && <ErrorAlert error={error} />}
      {report && <PullSummary report={report} pending={pull.pending} readOnly={readOnly} onAdopt={() => void run(true)} />}
    </section>
  );
}

function PullSummary({ report, pending, readOnly, onAdopt }: { report: PullReport; pending: boolean; readOnly: boolean; onAdopt(): void }) {
  const { groups, authorizations, keys } = report;
  return (
    <div className="jd-report" role="status" aria-label="Pull report">
      <dl className="details-list">
        <dt>API groups</dt>
        <dd>
          {groups.linked} linked, {groups.created} added here{groups.unpublished > 0 ? `, ${groups.unpublished} not published in any environment` : ''}
        </dd>
        <dt>Authorizations</dt>
        <dd>
          {authorizations.linked} linked{authorizations.adopted > 0 ? `, ${authorizations.adopted} adopted` : ''}, {authorizations.remoteOnly} only in JD Cloud,{' '}
          {authorizations.localOnly} only here
        </dd>
        {keys && (
          <>
            <dt>Signature keys</dt>
            <dd>
              {keys.linked} linked, {keys.created} added here, {plural(keys.secretsStored, 'APISecret', 'APISecrets')} stored in the keychain
              {keys.renamed && keys.renamed.length > 0 && (
                <span className="cell-secondary">
                  Named differently here (their JD Cloud names break Gatekey’s name rules or clash):{' '}
                  {keys.renamed.map((key) => `${key.remoteName} → ${key.localName}`).join(', ')}
                </span>
              )}
              {keys.skipped && keys.skipped.length > 0 && (
                <span className="cell-secondary">
                  Left in JD Cloud only (their APIKey is not 32 hex characters): {keys.skipped.map((key) => key.keyName).join(', ')}
                </span>
              )}
            </dd>
          </>
        )}
      </dl>
      {keys?.resetInJdCloud && keys.resetInJdCloud.length > 0 && (
        <div className="alert alert-warning" role="alert">
          <Icon name="warning" />
          <div>
            <p className="alert-title">{plural(keys.resetInJdCloud.length, 'key was', 'keys were')} reset in JD Cloud</p>
            <p className="alert-text">
              {keys.resetInJdCloud.map((key) => key.name).join(', ')}: JD Cloud replaced the APIKey and APISecret, so the ones here no longer work there.
              Gatekey changed nothing here. Pull did not bring the new pair in, because authorizations that name the old APIKey must follow it.
            </p>
          </div>
        </div>
      )}
      {authorizations.remoteOnly > 0 && (
        <div className="alert alert-info">
          <Icon name="info" />
          <div>
            <p className="alert-title">{plural(authorizations.remoteOnly, 'authorization exists', 'authorizations exist')} only in JD Cloud</p>
            <p className="alert-text">
              Gatekey leaves them alone: it never deletes an authorization it did not create or adopt. Adopt them to see and manage them here.
            </p>
            <div className="alert-actions">
              <button type="button" className="button button-small" onClick={onAdopt} disabled={pending || readOnly}>
                Adopt them
              </button>
            </div>
          </div>
        </div>
      )}
      <RequestIds ids={report.requestIds} />
    </div>
  );
}
