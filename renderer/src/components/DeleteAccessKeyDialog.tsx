import type { AccessKeySummary } from '../../../electron/core/access-keys/types';
import { useConfirmAction } from '../hooks/useConfirmAction';
import { useAppStore } from '../store';
import { ConfirmDialog } from './ConfirmDialog';

/** On success the store leaves the details screen, which unmounts this dialog. */
export function DeleteAccessKeyDialog({ accessKey, onClose }: { accessKey: AccessKeySummary; onClose(): void }) {
  const remove = useAppStore((s) => s.deleteAccessKey);
  const { pending, error, confirm } = useConfirmAction(() => remove(accessKey.id));

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
      <p>
        Its APISecret is removed from the OS keychain, and callers using it will stop working. This cannot be undone.
      </p>
    </ConfirmDialog>
  );
}
