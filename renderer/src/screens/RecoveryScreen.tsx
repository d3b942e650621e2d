import { useState } from 'react';
import type { RestorePreview } from '../../../electron/shared/store/status';
import type { IpcError } from '../api';
import { ChangeSummary } from '../components/ChangeSummary';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorAlert } from '../components/ErrorAlert';
import { Icon } from '../components/Icon';
import { useShowDataFolder, useStoreStatus } from '../queries/app';
import { useRestoreStoreBackup } from '../queries/data-safety';

/**
 * Shown instead of every screen while the data file cannot be read. Read-only:
 * the file is never written; the one way forward offered here is to put the
 * newest valid backup in its place, after moving the damaged file aside.
 */
export function RecoveryScreen({ file, problem, backupAvailable }: { file: string; problem: string; backupAvailable: boolean }) {
  const restore = useRestoreStoreBackup();
  const showDataFolder = useShowDataFolder();
  // What restoring discards, worked out by main when it found the file unreadable.
  const store = useStoreStatus();
  const preview = store?.state === 'unreadable' ? store.restore : undefined;
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const [folderError, setFolderError] = useState<IpcError | null>(null);
  const fileName = file.split(/[\\/]/).pop() ?? file;

  const confirm = async () => {
    setPending(true);
    setError(null);
    const result = await restore.run();
    // On success the status is 'ok' again and this screen gives way to the list.
    if (!result.ok) {
      setPending(false);
      setError(result.error);
    }
  };

  const showFolder = async () => {
    const result = await showDataFolder.run();
    setFolderError(result.ok ? null : result.error);
  };

  return (
    <div className="screen">
      <header className="screen-header">
        <div>
          <h1 className="screen-title">Recover your data</h1>
          <p className="screen-subtitle">Gatekey is read-only until its data file can be read again.</p>
        </div>
      </header>
      <section className="banner banner-blocking" role="alert" aria-labelledby="store-problem-title">
        <Icon name="warning" size={20} />
        <div>
          <h2 id="store-problem-title" className="banner-title">
            Gatekey cannot read its data file
          </h2>
          <p className="banner-text">
            <code className="path">{file}</code>
          </p>
          <p className="banner-text">{problem}</p>
          <p className="banner-text">
            The file was left untouched. Gatekey is read-only until the file is repaired, moved away or replaced by a
            backup, so creating and changing access keys is disabled.
          </p>
        </div>
      </section>
      <section className="card recovery-card" aria-labelledby="recovery-options-title">
        <h2 id="recovery-options-title" className="card-title">
          {backupAvailable ? 'Restore a backup' : 'No backup to restore'}
        </h2>
        {backupAvailable ? (
          <p>
            Gatekey keeps backups of its recent saves in the <code>backups</code> folder next to the file. Restoring
            puts the newest valid one in place of <code>{fileName}</code>; the damaged file is kept beside it.
          </p>
        ) : (
          <p>
            No valid backup was found in the <code>backups</code> folder. Repair the file or move it away, then restart
            Gatekey; without a file Gatekey starts empty.
          </p>
        )}
        <div className="toolbar">
          {backupAvailable && (
            <button type="button" className="button button-primary" onClick={() => setConfirming(true)}>
              <Icon name="refresh" />
              <span>Restore newest backup</span>
            </button>
          )}
          <button type="button" className="button" onClick={showFolder}>
            Show data folder
          </button>
        </div>
        {folderError && <ErrorAlert error={folderError} compact />}
      </section>
      {confirming && (
        <ConfirmDialog
          title="Restore the newest backup?"
          confirmLabel="Restore"
          pendingLabel="Restoring…"
          pending={pending}
          error={error}
          onConfirm={confirm}
          onCancel={() => {
            setConfirming(false);
            setError(null);
          }}
        >
          <p>
            The damaged file is moved aside as <code>{fileName}.corrupt-&lt;time&gt;</code> in the same folder. It is
            kept, not deleted.
          </p>
          <p>The newest valid backup takes its place. Changes saved after that backup was made are not in it.</p>
          {preview && <RestoreDiscards preview={preview} />}
        </ConfirmDialog>
      )}
    </div>
  );
}

/** Which changes the restore discards, by collection and name; or why they cannot be listed. */
function RestoreDiscards({ preview }: { preview: RestorePreview }) {
  const { backup, backupHolds, changes } = preview;
  return (
    <>
      <p>
        The backup <code>{backup}</code> holds {backupHolds.accessKeys} access keys, {backupHolds.authorizations} authorizations,{' '}
        {backupHolds.bindings} bindings and {backupHolds.apiGroups} API groups.
      </p>
      {changes === null ? (
        <p>The damaged file cannot be read at all, so Gatekey cannot list what it holds beyond the backup.</p>
      ) : changes.total === 0 ? (
        <p>What can still be read of the damaged file matches the backup: restoring discards nothing that Gatekey can see.</p>
      ) : (
        <>
          <p>Compared with what can still be read of the damaged file, restoring:</p>
          <ChangeSummary changes={changes} label="Changes the restore discards" verbs={{ deleted: 'discarded', edited: 'set back to the backup’s version', created: 'brought back' }} />
        </>
      )}
    </>
  );
}
