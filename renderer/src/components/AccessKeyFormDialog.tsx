import { accessKeyFields } from '../../../electron/shared/access-keys/rules';
import type { AccessKeyInput, Result } from '../api';
import { FormDialog } from '../forms/FormDialog';
import { useSchemaForm } from '../forms/useSchemaForm';
import { AccessKeyNameFields } from './AccessKeyNameFields';

export interface AccessKeyFormDialogProps {
  title: string;
  submitLabel: string;
  pendingLabel: string;
  initial: AccessKeyInput;
  /** Sends the values; on success the owner closes the dialog. */
  onSubmit(values: AccessKeyInput): Promise<Result<unknown>>;
  onCancel(): void;
}

/** Name and description of an access key, checked with the rules main uses. Used by Create and Edit. */
export function AccessKeyFormDialog({ title, submitLabel, pendingLabel, initial, onSubmit, onCancel }: AccessKeyFormDialogProps) {
  const form = useSchemaForm(accessKeyFields, initial);

  const submit = async (values: AccessKeyInput) => {
    const result = await onSubmit(values);
    if (!result.ok) form.showServerError(result.error);
  };

  return (
    <FormDialog title={title} form={form} initialFocus="name" submitLabel={submitLabel} pendingLabel={pendingLabel} onSubmit={submit} onCancel={onCancel}>
      <AccessKeyNameFields />
    </FormDialog>
  );
}
