import { useId, useRef, useState } from 'react';
import type { StoreChanges } from '../../../electron/shared/store/status';
import type { IpcError } from '../api';
import { useResolveStoreConflict, type ConflictChoice } from '../queries/data-safety';
import { ChangeSummary } from './ChangeSummary';
import { Dialog } from './Dialog';
import { ErrorAlert } from './ErrorAlert';

/**
 * Another program changed the data file since Gatekey read it. Gatekey wrote
 * nothing over it and writes nothing until the user picks a side; so the
 * dialog cannot be dismissed without a choice. It lists what Reload would
 * drop before the user chooses it.
 */
export function ConflictDialog({ file, problem, unsavedChanges }: { file: string; problem: string; unsavedChanges?: StoreChanges }) {
  const resolve = useResolveStoreConflict();
  const [pending, setPending] = useState<ConflictChoice | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const reloadButton = useRef<HTMLButtonElement>(null);
  const messageId = useId();

  const choose = async (choice: ConflictChoice) => {
    setPending(choice);
    setError(null);
    const result = await resolve.run(choice);
    // On success the status is no longer 'conflict' and this dialog unmounts.
    if (!result.ok) {
      setPending(null);
      setError(result.error);
    }
  };

  return (
    <Dialog
      title="The data file was changed by another program"
      role="alertdialog"
      describedBy={messageId}
      initialFocus={reloadButton}
      footer={
        <>
          <button ref={reloadButton} type="button" className="button" disabled={pending !== null} onClick={() => choose('reload')}>
            {pending === 'reload' ? 'Reloading…' : 'Reload from disk'}
          </button>
          <button type="button" className="button button-primary" disabled={pending !== null} onClick={() => choose('overwrite')}>
            {pending === 'overwrite' ? 'Saving…' : 'Keep my version'}
          </button>
        </>
      }
    >
      <div id={messageId} className="dialog-message">
        <p>{problem}</p>
        <p>
          <code className="path">{file}</code>
        </p>
        <p>Gatekey did not overwrite it and saves nothing until you choose:</p>
        <ul className="choice-list">
          <li>
            <strong>Reload from disk</strong> uses the file as the other program left it. Changes you made in Gatekey
            that were not saved yet are dropped.
          </li>
          <li>
            <strong>Keep my version</strong> writes Gatekey’s data over the file. The other program’s version is kept
            as a backup in the <code>backups</code> folder next to it.
          </li>
        </ul>
        {unsavedChanges && unsavedChanges.total > 0 && (
          <>
            <p>Reload from disk would drop these unsaved changes:</p>
            <ChangeSummary changes={unsavedChanges} label="Unsaved changes" verbs={{ created: 'created', edited: 'changed', deleted: 'deleted' }} />
            {unsavedChanges.accessKeys.created.count > 0 && (
              <p>
                The APISecrets of access keys you created stay in the OS keychain either way; after a reload, Health
                lists them so you can adopt them again.
              </p>
            )}
          </>
        )}
        {unsavedChanges && unsavedChanges.total === 0 && <p>You have no unsaved changes: Reload from disk drops nothing of yours.</p>}
      </div>
      {error && <ErrorAlert error={error} />}
    </Dialog>
  );
}
