import type { AccessKeySummary } from '../../../electron/core/access-keys/types';
import { useAppStore } from '../store';
import { AccessKeyFormDialog } from './AccessKeyFormDialog';

export function EditAccessKeyDialog({ accessKey, onClose }: { accessKey: AccessKeySummary; onClose(): void }) {
  const update = useAppStore((s) => s.updateAccessKey);
  return (
    <AccessKeyFormDialog
      title="Edit Access Key"
      submitLabel="Save"
      pendingLabel="Saving…"
      initial={{ name: accessKey.name, description: accessKey.description }}
      onSubmit={async (values) => {
        const result = await update(accessKey.id, values);
        if (result.ok) onClose();
        return result;
      }}
      onCancel={onClose}
    />
  );
}
