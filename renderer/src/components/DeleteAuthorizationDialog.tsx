import type { AuthorizationSummary } from '../../../electron/shared/authorizations/types';
import { useConfirmAction } from '../hooks/useConfirmAction';
import { useDeleteAuthorization } from '../queries/authorizations';
import { useAppStore } from '../store';
import { ConfirmDialog } from './ConfirmDialog';

export function DeleteAuthorizationDialog({ authorization }: { authorization: AuthorizationSummary }) {
  const remove = useDeleteAuthorization();
  const close = useAppStore((s) => s.closeAuthorizationDialog);
  const { pending, error, confirm } = useConfirmAction(() => remove.run(authorization), close);
  const bindings = authorization.boundGroups.length;

  return (
    <ConfirmDialog title="Delete Authorization" confirmLabel="Delete" pendingLabel="Deleting…" pending={pending} error={error} onConfirm={confirm} onCancel={close}>
      <p>
        Delete the authorization for Access Key <code>{authorization.callerKey}</code>
        {authorization.localAccessKey && (
          <>
            {' '}(your key <strong dir="auto">{authorization.localAccessKey.name}</strong>)
          </>
        )}
        ?
      </p>
      <p>
        {bindings === 0
          ? 'It is bound to no API group.'
          : `Its ${bindings === 1 ? 'binding to 1 API group is' : `${bindings} bindings to API groups are`} removed, and the caller loses access.`}{' '}
        This cannot be undone.
      </p>
    </ConfirmDialog>
  );
}
