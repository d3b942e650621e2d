import { apiGroupFields, environments, GROUP_DESCRIPTION_MAX, GROUP_NAME_MAX, type Environment } from '../../../electron/shared/api-groups/rules';
import type { Result } from '../api';
import { FormDialog } from '../forms/FormDialog';
import { SchemaField } from '../forms/SchemaField';
import { useSchemaField } from '../forms/useSchemaField';
import { useSchemaForm } from '../forms/useSchemaForm';
import type { ApiGroupInput } from '../queries/api-groups';
import { SelectField } from './SelectField';

export interface ApiGroupFormDialogProps {
  title: string;
  submitLabel: string;
  pendingLabel: string;
  initial: ApiGroupInput;
  /** Sends the values; on success the owner closes the dialog. */
  onSubmit(values: ApiGroupInput): Promise<Result<unknown>>;
  onCancel(): void;
}

const environmentOptions = environments.map((value) => ({ value, label: value }));

function EnvironmentField() {
  const field = useSchemaField('environment');
  return (
    <SelectField<Environment>
      label="Environment"
      required
      placeholder="Choose…"
      value={field.value as Environment | ''}
      options={environmentOptions}
      error={field.error}
      onChange={field.onChange}
    />
  );
}

/** Name, description, region, environment and host of an API group. Used by Create and Edit. */
export function ApiGroupFormDialog({ title, submitLabel, pendingLabel, initial, onSubmit, onCancel }: ApiGroupFormDialogProps) {
  const form = useSchemaForm(apiGroupFields, initial);

  const submit = async (values: ApiGroupInput) => {
    const result = await onSubmit(values);
    if (!result.ok) form.showServerError(result.error);
  };

  return (
    <FormDialog title={title} form={form} initialFocus="name" submitLabel={submitLabel} pendingLabel={pendingLabel} onSubmit={submit} onCancel={onCancel}>
      <SchemaField name="name" label="Name" required maxLength={GROUP_NAME_MAX} hint="Unique among your API groups." />
      <SchemaField name="description" label="Description" maxLength={GROUP_DESCRIPTION_MAX} hint="Optional. Which APIs this group holds." />
      <div className="form-row">
        <SchemaField name="region" label="Region" required placeholder="cn-north-1" />
        <EnvironmentField />
      </div>
      <SchemaField
        name="host"
        label="Host"
        required
        placeholder="xv3xbwah945y.cn-north-1.jdcloud-api.net"
        hint="The gateway's domain name. Its first label is the service name callers sign with."
      />
    </FormDialog>
  );
}
