import { emptyAccessKeyFields } from '../../../electron/shared/access-keys/rules';
import { useCreateAccessKey } from '../queries/access-key-mutations';
import { useAppStore } from '../store';
import { AccessKeyFormDialog } from './AccessKeyFormDialog';

/** Open whenever the store says so (toolbar button, empty state, Ctrl/Cmd+N). */
export function CreateAccessKeyDialog() {
  const open = useAppStore((s) => s.createDialogOpen);
  const close = useAppStore((s) => s.closeCreateDialog);
  // On success the mutation closes this dialog and opens the new key's details.
  const create = useCreateAccessKey();
  if (!open) return null;
  return (
    <AccessKeyFormDialog
      title="Create Access Key"
      submitLabel="Create"
      pendingLabel="Creating…"
      initial={emptyAccessKeyFields()}
      onSubmit={create.run}
      onCancel={close}
    />
  );
}
