import type { ReactNode } from 'react';
import { errorMessage } from '../api';
import { isUnreadable, keychainAdvice, keychainHeading, type UnreadableKeychain } from '../keychain-state';
import { recheckKeychain, useKeychainBusy, useKeychainState, useReconcile } from '../queries/keychain';
import { useAppStore } from '../store';
import { Icon } from './Icon';

/** A keychain that cannot be read: which state, how to fix it, and "Check again". Keys stay listed; none is called missing. */
function UnreadableNotice({ keychain, dismissButton }: { keychain: UnreadableKeychain; dismissButton: ReactNode }) {
  const checking = useKeychainBusy();
  return (
    <section className="banner banner-warning" role="status" aria-labelledby="keychain-notice-title">
      <Icon name="warning" size={18} />
      <div>
        <p id="keychain-notice-title" className="banner-title">
          {keychainHeading(keychain)}
        </p>
        <p className="banner-text">{keychainAdvice(keychain)}</p>
        <p className="banner-text">Every access key is still listed, and none is marked missing: Gatekey cannot tell until it can read the keychain. Showing, copying or signing with an APISecret waits until then.</p>
      </div>
      <button type="button" className="button" onClick={() => void recheckKeychain()} disabled={checking}>
        <Icon name="refresh" size={14} />
        <span>{checking ? 'Checking…' : 'Check again'}</span>
      </button>
      {dismissButton}
    </section>
  );
}

/** What the background keychain check found: a keychain it cannot read, a failure (warning), or orphaned entries (info). */
export function KeychainNotices() {
  const { reconcile } = useReconcile();
  const keychain = useKeychainState();
  const dismissed = useAppStore((s) => s.reconcileNoticeDismissed);
  const dismiss = useAppStore((s) => s.dismissReconcileNotice);
  const onHealth = useAppStore((s) => s.screen.name === 'health');
  const navigate = useAppStore((s) => s.navigate);
  // The Health view shows the same findings in full.
  if (dismissed || onHealth) return null;

  const healthLink = (
    <button type="button" className="link-button" onClick={() => navigate({ name: 'health' })}>
      Open Health to review and fix
    </button>
  );

  const dismissButton = (
    <button type="button" className="icon-button" aria-label="Dismiss notice" onClick={dismiss}>
      <Icon name="close" size={14} />
    </button>
  );

  if (isUnreadable(keychain)) return <UnreadableNotice keychain={keychain} dismissButton={dismissButton} />;

  if (reconcile.status === 'failed') {
    return (
      <section className="banner banner-warning" role="status">
        <Icon name="warning" size={18} />
        <div>
          <p className="banner-title">The OS keychain could not be checked</p>
          <p className="banner-text">{errorMessage(reconcile.error)}</p>
          <p className="banner-text">Access keys are still listed; showing or copying an APISecret needs the keychain.</p>
          <p className="banner-text">{healthLink}</p>
        </div>
        {dismissButton}
      </section>
    );
  }

  const orphans = reconcile.status === 'done' ? reconcile.report.orphanAccounts : [];
  if (orphans.length === 0) return null;
  return (
    <section className="banner banner-info" role="status">
      <Icon name="info" size={18} />
      <div>
        <p className="banner-title">
          {orphans.length === 1 ? '1 keychain entry has' : `${orphans.length} keychain entries have`} no access key record
        </p>
        <details className="banner-details">
          <summary>Show entries</summary>
          <ul>
            {orphans.map((account) => (
              <li key={account}>
                <code>{account}</code>
              </li>
            ))}
          </ul>
        </details>
        <p className="banner-text">{healthLink}</p>
      </div>
      {dismissButton}
    </section>
  );
}
