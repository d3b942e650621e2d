import { useEffect, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import type { IpcError, Result } from '../api';
import { AdoptOrphanDialog } from '../components/AdoptOrphanDialog';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { HealthFindings, type MissingSecretRow } from '../components/HealthFindings';
import { Icon } from '../components/Icon';
import { KeychainProblem, NOT_MISSING } from '../components/KeychainProblem';
import { RestoreSecretDialog } from '../components/RestoreSecretDialog';
import { isUnreadable } from '../keychain-state';
import { useAccessKeyNames } from '../queries/access-keys';
import { useStoreReadOnly } from '../queries/app';
import { noteKeychainError, reconcileKeychain, recheckKeychain, useKeychainBusy, useKeychainState, useReconcile } from '../queries/keychain';
import { useDeleteAccessKeyRecord, useDeleteOrphanSecret } from '../queries/keychain-fixes';

const NO_IDS: string[] = [];

type HealthDialog =
  | { kind: 'restoreSecret' | 'deleteKey'; row: MissingSecretRow }
  | { kind: 'adopt' | 'deleteOrphan'; account: string };

/** Compares the data file with the OS keychain on arrival and offers a fix for each mismatch. */
export function HealthScreen() {
  // The last finished report stays on screen while a refresh runs, so rows do not flicker away.
  const { reconcile, lastReport: report } = useReconcile();
  const keychain = useKeychainState();
  const busy = useKeychainBusy();
  const missingIds = report?.missingSecretIds ?? NO_IDS;
  // Main lists at most a window of them and names them in one bounded request; a row shows its ID until its name arrives.
  const names = useAccessKeyNames(missingIds);
  const readOnly = useStoreReadOnly();
  const [dialog, setDialog] = useState<HealthDialog | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    void reconcileKeychain({ includeOrphans: true });
  }, []);

  const close = () => setDialog(null);
  /** After a fix the row is gone: put focus somewhere sensible instead of nowhere. */
  const done = () => {
    // The dialog closes first: while it is open, the page behind it is inert and cannot take focus.
    flushSync(() => setDialog(null));
    heading.current?.focus();
  };

  const missing: MissingSecretRow[] = missingIds.map((id) => ({ id, name: names.get(id) }));
  const orphans = report?.orphanAccounts ?? [];

  let body;
  if (isUnreadable(keychain)) {
    // A keychain that cannot be read says nothing about any secret: no findings, so no fix that could delete.
    body = (
      <KeychainProblem keychain={keychain} retryLabel="Check again" retrying={busy} onRetry={() => void recheckKeychain({ includeOrphans: true })}>
        <p className="alert-text">{NOT_MISSING}</p>
        <p className="alert-text">Until then Health cannot compare your access keys with the keychain, so it lists no findings and offers no fixes.</p>
      </KeychainProblem>
    );
  } else if (reconcile.status === 'failed') {
    body = <ErrorAlert error={reconcile.error} />;
  } else if (!report) {
    body = (
      <p className="loading" role="status">
        Checking the OS keychain…
      </p>
    );
  } else if (missing.length === 0 && orphans.length === 0) {
    body = (
      <EmptyState icon="check" title="No problems found">
        Everything matches: every access key has its APISecret, and every keychain entry has an access key.
      </EmptyState>
    );
  } else {
    body = (
      <HealthFindings
        missing={missing}
        orphans={orphans}
        notListed={report.notListed}
        readOnly={readOnly}
        busy={reconcile.status === 'running'}
        onRestoreSecret={(row) => setDialog({ kind: 'restoreSecret', row })}
        onDeleteKey={(row) => setDialog({ kind: 'deleteKey', row })}
        onAdopt={(account) => setDialog({ kind: 'adopt', account })}
        onDeleteOrphan={(account) => setDialog({ kind: 'deleteOrphan', account })}
      />
    );
  }

  return (
    <div className="screen">
      <header className="screen-header">
        <div>
          <h1 ref={heading} tabIndex={-1} className="screen-title">
            Health
          </h1>
          <p className="screen-subtitle">Checks that every access key has its APISecret in the OS keychain, and that the keychain holds nothing else of Gatekey’s.</p>
        </div>
        <div className="toolbar">
          {reconcile.status === 'running' && (report || isUnreadable(keychain)) && (
            <span className="muted" role="status">
              Checking…
            </span>
          )}
          <button type="button" className="button" onClick={() => void recheckKeychain({ includeOrphans: true })}>
            <Icon name="refresh" />
            <span>Refresh</span>
          </button>
        </div>
      </header>
      {body}
      <HealthDialogs dialog={dialog} onDone={done} onCancel={close} />
    </div>
  );
}

function HealthDialogs({ dialog, onDone, onCancel }: { dialog: HealthDialog | null; onDone(): void; onCancel(): void }) {
  const deleteKey = useDeleteAccessKeyRecord();
  const deleteOrphan = useDeleteOrphanSecret();
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'restoreSecret':
      return <RestoreSecretDialog accessKey={{ id: dialog.row.id, name: dialog.row.name ?? dialog.row.id }} onDone={onDone} onCancel={onCancel} />;
    case 'adopt':
      return <AdoptOrphanDialog account={dialog.account} onDone={onDone} onCancel={onCancel} />;
    case 'deleteKey':
      return (
        <Confirm title="Delete Access Key" run={() => deleteKey.run(dialog.row.id)} onDone={onDone} onCancel={onCancel}>
          <p>
            Delete the access key <strong>{dialog.row.name ?? dialog.row.id}</strong> (<code>{dialog.row.id}</code>)?
          </p>
          <p>Its APISecret is already missing from the OS keychain. Authorizations that name it stop working. This cannot be undone.</p>
        </Confirm>
      );
    case 'deleteOrphan':
      return (
        <Confirm title="Delete keychain entry" run={() => deleteOrphan.run(dialog.account)} onDone={onDone} onCancel={onCancel}>
          <p>
            Delete the keychain entry <code>{dialog.account}</code>?
          </p>
          <p>The APISecret in it is removed from the OS keychain. If a caller still uses it, adopt the entry instead. This cannot be undone.</p>
        </Confirm>
      );
  }
}

function Confirm({ title, run, onDone, onCancel, children }: { title: string; run(): Promise<Result<unknown>>; onDone(): void; onCancel(): void; children: ReactNode }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const confirm = async () => {
    setPending(true);
    setError(null);
    const result = await run();
    if (result.ok) return onDone();
    // The user said no in main's own confirmation: close quietly.
    if (result.error.code === 'NOT_CONFIRMED') return onCancel();
    setPending(false);
    setError(result.error);
    // Locked meanwhile: Health behind this dialog withdraws its findings and fixes.
    noteKeychainError(result.error);
  };
  return (
    <ConfirmDialog title={title} confirmLabel="Delete" pendingLabel="Deleting…" pending={pending} error={error} onConfirm={confirm} onCancel={onCancel}>
      {children}
    </ConfirmDialog>
  );
}
