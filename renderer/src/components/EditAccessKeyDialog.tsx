import { accessKeyFieldsOf } from '../../../electron/shared/access-keys/rules';
import type { AccessKeySummary } from '../../../electron/shared/access-keys/types';
import { useUpdateAccessKey } from '../queries/access-key-mutations';
import { AccessKeyFormDialog } from './AccessKeyFormDialog';

export function EditAccessKeyDialog({ accessKey, onClose }: { accessKey: AccessKeySummary; onClose(): void }) {
  const update = useUpdateAccessKey();
  return (
    <AccessKeyFormDialog
      title="Edit Access Key"
      submitLabel="Save"
      pendingLabel="Saving…"
      initial={accessKeyFieldsOf(accessKey)}
      onSubmit={async (values) => {
        const result = await update.run({ id: accessKey.id, ...values });
        if (result.ok) onClose();
        return result;
      }}
      onCancel={onClose}
    />
  );
}
