import { useId } from 'react';
import { Icon } from './Icon';

export interface MissingSecretRow {
  id: string;
  /** Absent when the list does not (yet) hold the record. */
  name?: string;
}

export interface HealthFindingsProps {
  missing: MissingSecretRow[];
  orphans: string[];
  /** Findings of each kind main found beyond those listed (it lists a window's worth). */
  notListed?: { missingSecretIds: number; orphanAccounts: number };
  /** Every fix is off in a read-only instance: it must change neither the store nor the keychain. */
  readOnly: boolean;
  /** A keychain check is running: its report may change, and the keychain takes one call at a time. */
  busy: boolean;
  onRestoreSecret(row: MissingSecretRow): void;
  onDeleteKey(row: MissingSecretRow): void;
  onAdopt(account: string): void;
  onDeleteOrphan(account: string): void;
}

function MissingRow({ row, readOnly, busy, onRestoreSecret, onDeleteKey }: Pick<HealthFindingsProps, 'readOnly' | 'busy' | 'onRestoreSecret' | 'onDeleteKey'> & { row: MissingSecretRow }) {
  // Buttons are named by their action; the key's name says which row.
  const nameId = useId();
  return (
    <tr>
      <td id={nameId} className="cell-nowrap-strong" dir="auto">
        {row.name ?? <span className="muted">Unknown</span>}
      </td>
      <td>
        <code>{row.id}</code>
      </td>
      <td className="cell-actions">
        <button type="button" className="button button-small" aria-describedby={nameId} disabled={readOnly || busy} onClick={() => onRestoreSecret(row)}>
          <Icon name="key" size={14} />
          <span>Re-enter secret</span>
        </button>
        <button type="button" className="button button-small button-danger-outline" aria-describedby={nameId} disabled={readOnly || busy} onClick={() => onDeleteKey(row)}>
          <Icon name="trash" size={14} />
          <span>Delete access key</span>
        </button>
      </td>
    </tr>
  );
}

function OrphanRow({ account, readOnly, busy, onAdopt, onDeleteOrphan }: Pick<HealthFindingsProps, 'readOnly' | 'busy' | 'onAdopt' | 'onDeleteOrphan'> & { account: string }) {
  const accountId = useId();
  return (
    <tr>
      <td>
        <code id={accountId}>{account}</code>
      </td>
      <td className="cell-actions">
        <button type="button" className="button button-small" aria-describedby={accountId} disabled={readOnly || busy} onClick={() => onAdopt(account)}>
          <Icon name="link" size={14} />
          <span>Adopt</span>
        </button>
        <button type="button" className="button button-small button-danger-outline" aria-describedby={accountId} disabled={readOnly || busy} onClick={() => onDeleteOrphan(account)}>
          <Icon name="trash" size={14} />
          <span>Delete entry</span>
        </button>
      </td>
    </tr>
  );
}

/** Says that a section lists only the first findings main sent, and how to see the others. */
function MoreFindings({ listed, more, what }: { listed: number; more: number; what: string }) {
  if (more === 0) return null;
  return (
    <p className="health-hint" role="note">
      Showing the first {listed} of {listed + more} {what}. Fix these, then choose Refresh to see the rest.
    </p>
  );
}

/** The two kinds of mismatch between the data file and the OS keychain, each with what can be done about it. */
export function HealthFindings({ missing, orphans, notListed, readOnly, busy, onRestoreSecret, onDeleteKey, onAdopt, onDeleteOrphan }: HealthFindingsProps) {
  return (
    <>
      {missing.length > 0 && (
        <section className="card health-section" aria-labelledby="health-missing-title">
          <h2 id="health-missing-title" className="card-title">
            Access keys whose APISecret is missing
          </h2>
          <p className="health-hint">The OS keychain was read and has no APISecret for these keys, so callers cannot be verified. Re-enter the secret if the caller still has it; only if nobody has it, delete the key.</p>
          <MoreFindings listed={missing.length} more={notListed?.missingSecretIds ?? 0} what="access keys whose APISecret is missing" />
          <div className="table-wrap">
            <table className="table table-dense">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Access Key ID</th>
                  <th scope="col" className="cell-actions">Actions</th>
                </tr>
              </thead>
              <tbody>
                {missing.map((row) => (
                  <MissingRow key={row.id} row={row} readOnly={readOnly} busy={busy} onRestoreSecret={onRestoreSecret} onDeleteKey={onDeleteKey} />
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {orphans.length > 0 && (
        <section className="card health-section" aria-labelledby="health-orphans-title">
          <h2 id="health-orphans-title" className="card-title">
            Keychain entries with no access key
          </h2>
          <p className="health-hint">These APISecrets are in the OS keychain under Gatekey’s name, but no access key refers to them. Adopt one if you still have its APIKey; otherwise delete it.</p>
          <MoreFindings listed={orphans.length} more={notListed?.orphanAccounts ?? 0} what="keychain entries with no access key" />
          <div className="table-wrap">
            <table className="table table-dense">
              <thead>
                <tr>
                  <th scope="col">Keychain account</th>
                  <th scope="col" className="cell-actions">Actions</th>
                </tr>
              </thead>
              <tbody>
                {orphans.map((account) => (
                  <OrphanRow key={account} account={account} readOnly={readOnly} busy={busy} onAdopt={onAdopt} onDeleteOrphan={onDeleteOrphan} />
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}
