import { useRef, useState, type FormEvent } from 'react';
import { apiGroupFields, environments, GROUP_DESCRIPTION_MAX, GROUP_NAME_MAX, type Environment } from '../../../electron/core/api-groups/rules';
import type { Result } from '../api';
import { useSchemaForm } from '../hooks/useSchemaForm';
import type { ApiGroupInput } from '../store/api-groups-slice';
import { Dialog } from './Dialog';
import { ErrorAlert } from './ErrorAlert';
import { FormField } from './FormField';
import { SelectField } from './SelectField';
import { SubmitFooter } from './SubmitFooter';

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

/** Name, description, region, environment and host of an API group. Used by Create and Edit. */
export function ApiGroupFormDialog({ title, submitLabel, pendingLabel, initial, onSubmit, onCancel }: ApiGroupFormDialogProps) {
  const form = useSchemaForm(apiGroupFields.shape, initial);
  const [pending, setPending] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const descriptionInput = useRef<HTMLInputElement>(null);
  const regionInput = useRef<HTMLInputElement>(null);
  const hostInput = useRef<HTMLInputElement>(null);
  const focus = (field: keyof ApiGroupInput) => {
    const inputs = { name: nameInput, description: descriptionInput, region: regionInput, host: hostInput, environment: null };
    inputs[field]?.current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    const checked = form.validate();
    if (!checked.ok) return focus(checked.field);
    setPending(true);
    const result = await onSubmit(checked.values);
    // On success the owner unmounts this dialog; only a failure needs it again.
    if (!result.ok) {
      setPending(false);
      form.showServerError(result.error);
      const field = Object.keys(result.error.fields ?? {})[0];
      if (field && field in initial) focus(field as keyof ApiGroupInput);
    }
  };

  const field = (name: 'name' | 'description' | 'region' | 'host') => ({
    value: form.values[name],
    error: form.errors[name],
    onChange: (value: string) => form.change(name, value),
    onBlur: () => form.blur(name),
  });

  return (
    <Dialog
      title={title}
      initialFocus={nameInput}
      onClose={() => !pending && onCancel()}
      onSubmit={submit}
      footer={<SubmitFooter pending={pending} label={submitLabel} pendingLabel={pendingLabel} onCancel={onCancel} />}
    >
      <div className="form">
        <FormField label="Name" required inputRef={nameInput} maxLength={GROUP_NAME_MAX} hint="Unique among your API groups." {...field('name')} />
        <FormField label="Description" inputRef={descriptionInput} maxLength={GROUP_DESCRIPTION_MAX} hint="Optional. Which APIs this group holds." {...field('description')} />
        <div className="form-row">
          <FormField label="Region" required inputRef={regionInput} placeholder="cn-north-1" {...field('region')} />
          <SelectField<Environment>
            label="Environment"
            required
            placeholder="Choose…"
            value={form.values.environment as Environment | ''}
            options={environmentOptions}
            error={form.errors.environment}
            onChange={(value) => form.change('environment', value)}
          />
        </div>
        <FormField
          label="Host"
          required
          placeholder="xv3xbwah945y.cn-north-1.jdcloud-api.net"
          inputRef={hostInput}
          hint="The gateway's domain name. Its first label is the service name callers sign with."
          {...field('host')}
        />
        {form.formError && <ErrorAlert error={form.formError} />}
      </div>
    </Dialog>
  );
}
