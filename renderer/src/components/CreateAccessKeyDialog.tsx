import { useAppStore } from '../store';
import { AccessKeyFormDialog } from './AccessKeyFormDialog';

/** Open whenever the store says so (toolbar button, empty state, Ctrl/Cmd+N). */
export function CreateAccessKeyDialog() {
  const open = useAppStore((s) => s.createDialogOpen);
  const close = useAppStore((s) => s.closeCreateDialog);
  const create = useAppStore((s) => s.createAccessKey);
  if (!open) return null;
  return (
    <AccessKeyFormDialog
      title="Create Access Key"
      submitLabel="Create"
      pendingLabel="Creating…"
      initial={{ name: '', description: '' }}
      onSubmit={create}
      onCancel={close}
    />
  );
}
