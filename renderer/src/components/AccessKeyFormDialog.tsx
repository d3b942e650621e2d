import { useRef, useState, type FormEvent } from 'react';
import { DESCRIPTION_MAX, NAME_MAX } from '../../../electron/core/access-keys/rules';
import type { AccessKeyInput, Result } from '../api';
import { useAccessKeyForm } from '../hooks/useAccessKeyForm';
import { Dialog } from './Dialog';
import { ErrorAlert } from './ErrorAlert';
import { FormField } from './FormField';

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
  const form = useAccessKeyForm(initial);
  const [pending, setPending] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const descriptionInput = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    const checked = form.validate();
    if (!checked.ok) {
      (checked.field === 'name' ? nameInput : descriptionInput).current?.focus();
      return;
    }
    setPending(true);
    const result = await onSubmit(checked.values);
    // On success the owner unmounts this dialog; only a failure needs this component again.
    if (!result.ok) {
      setPending(false);
      form.showServerError(result.error);
      if (result.error.fields?.name) nameInput.current?.focus();
    }
  };

  return (
    <Dialog
      title={title}
      initialFocus={nameInput}
      onClose={() => !pending && onCancel()}
      onSubmit={submit}
      footer={
        <>
          <button type="button" className="button" onClick={onCancel} disabled={pending}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={pending}>
            {pending ? pendingLabel : submitLabel}
          </button>
        </>
      }
    >
      <div className="form">
        <FormField
          label="Name"
          required
          inputRef={nameInput}
          value={form.values.name}
          error={form.errors.name}
          hint={`1–${NAME_MAX} characters: letters, digits, "-" and "_". Must be unique.`}
          onChange={(value) => form.change('name', value)}
          onBlur={() => form.blur('name')}
        />
        <FormField
          label="Description"
          inputRef={descriptionInput}
          value={form.values.description}
          error={form.errors.description}
          maxLength={DESCRIPTION_MAX}
          hint="Optional. What or who uses this key."
          onChange={(value) => form.change('description', value)}
          onBlur={() => form.blur('description')}
        />
        {form.formError && <ErrorAlert error={form.formError} />}
      </div>
    </Dialog>
  );
}
