import type { ApiGroupSummary } from '../../../electron/shared/api-groups/types';
import { useConfirmAction } from '../hooks/useConfirmAction';
import { useDeleteApiGroup } from '../queries/api-groups';
import { ConfirmDialog } from './ConfirmDialog';

export const authorizationsLosing = (count: number): string =>
  count === 1 ? '1 authorization loses access to this group.' : `${count} authorizations lose access to this group.`;

export function DeleteApiGroupDialog({ group, onClose }: { group: ApiGroupSummary; onClose(): void }) {
  const remove = useDeleteApiGroup();
  const { pending, error, confirm } = useConfirmAction(() => remove.run(group), onClose);

  return (
    <ConfirmDialog
      title="Delete API Group"
      confirmLabel="Delete"
      pendingLabel="Deleting…"
      pending={pending}
      error={error}
      onConfirm={confirm}
      onCancel={onClose}
    >
      <p>
        Delete the API group <strong dir="auto">{group.name}</strong> (<code>{group.id}</code>)?
      </p>
      <p>{group.bindingCount > 0 ? `${authorizationsLosing(group.bindingCount)} ` : 'No authorization is bound to it. '}This cannot be undone.</p>
    </ConfirmDialog>
  );
}
