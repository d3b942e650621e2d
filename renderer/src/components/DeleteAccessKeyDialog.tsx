import { useRef } from 'react';
import type { AccessKeySummary } from '../../../electron/shared/access-keys/types';
import { useConfirmAction } from '../hooks/useConfirmAction';
import { isUnreadable, type UnreadableKeychain } from '../keychain-state';
import { useDeleteAccessKey } from '../queries/access-key-mutations';
import { noteKeychainError, recheckKeychain, useKeychainBusy, useKeychainState } from '../queries/keychain';
import { ConfirmDialog } from './ConfirmDialog';
import { Dialog } from './Dialog';
import { KeychainProblem } from './KeychainProblem';

/** On success the mutation leaves the details screen, which unmounts this dialog. */
export function DeleteAccessKeyDialog({ accessKey, onClose }: { accessKey: AccessKeySummary; onClose(): void }) {
  const remove = useDeleteAccessKey();
  const keychain = useKeychainState();
  const { pending, error, confirm } = useConfirmAction(async () => {
    const result = await remove.run(accessKey.id);
    // A keychain found locked only now turns this dialog into the one below.
    if (!result.ok) noteKeychainError(result.error, accessKey.id);
    return result;
  }, undefined, onClose);

  if (isUnreadable(keychain)) return <DeleteBlocked accessKey={accessKey} keychain={keychain} onClose={onClose} />;
  return (
    <ConfirmDialog
      title="Delete Access Key"
      confirmLabel="Delete"
      pendingLabel="Deleting…"
      pending={pending}
      error={error}
      onConfirm={confirm}
      onCancel={onClose}
    >
      <p>
        Delete the access key <strong>{accessKey.name}</strong> (<code>{accessKey.id}</code>)?
      </p>
      {accessKey.remote ? (
        <p>
          Its APISecret is removed from the OS keychain. This does not delete the key in JD Cloud (<code>{accessKey.remote.keyId}</code>,{' '}
          {accessKey.remote.region}): delete it in the JD Cloud console (API Gateway → Access Keys). This cannot be undone.
        </p>
      ) : (
        <p>
          Its APISecret is removed from the OS keychain, and callers using it will stop working. This cannot be undone.
        </p>
      )}
    </ConfirmDialog>
  );
}

/**
 * Deleting while the keychain cannot be read would drop the record and leave its
 * APISecret behind, so the dialog offers only "Check again" and Close.
 */
function DeleteBlocked({ accessKey, keychain, onClose }: { accessKey: AccessKeySummary; keychain: UnreadableKeychain; onClose(): void }) {
  const checking = useKeychainBusy();
  const close = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      title="Delete Access Key"
      role="alertdialog"
      initialFocus={close}
      onCancel={onClose}
      footer={
        <button ref={close} type="button" className="button" onClick={onClose}>
          Close
        </button>
      }
    >
      <div className="dialog-message">
        <p>
          <strong>{accessKey.name}</strong> (<code>{accessKey.id}</code>) cannot be deleted while the OS keychain cannot be read: its APISecret would
          stay behind in the keychain. Nothing was deleted.
        </p>
      </div>
      <KeychainProblem keychain={keychain} retryLabel="Check again" retrying={checking} onRetry={() => void recheckKeychain()} compact />
    </Dialog>
  );
}
