import { AUTHORIZATION_DESCRIPTION_MAX, authorizationDescription } from '../../../electron/shared/authorizations/rules';
import type { AuthorizationSummary } from '../../../electron/shared/authorizations/types';
import { FormDialog } from '../forms/FormDialog';
import { SchemaField } from '../forms/SchemaField';
import { useSchemaForm, type FormText } from '../forms/useSchemaForm';
import { useUpdateAuthorization } from '../queries/authorizations';
import { useAppStore } from '../store';
import { CallerKey } from './CallerKey';

/** Only the description changes: a different Access Key is a different authorization. */
export function EditAuthorizationDialog({ authorization }: { authorization: AuthorizationSummary }) {
  const update = useUpdateAuthorization();
  const close = useAppStore((s) => s.closeAuthorizationDialog);
  const form = useSchemaForm(authorizationDescription, { description: authorization.description });

  const submit = async (values: FormText<typeof authorizationDescription>) => {
    const result = await update.run({ id: authorization.id, description: values.description });
    if (result.ok) return close();
    form.showServerError(result.error);
  };

  return (
    <FormDialog title="Edit Authorization" form={form} initialFocus="description" submitLabel="Save" pendingLabel="Saving…" onSubmit={submit} onCancel={close}>
      <div className="dialog-subject">
        <span className="dialog-subject-label">Access Key</span>
        <CallerKey authorization={authorization} />
      </div>
      <SchemaField name="description" label="Description" maxLength={AUTHORIZATION_DESCRIPTION_MAX} />
    </FormDialog>
  );
}
