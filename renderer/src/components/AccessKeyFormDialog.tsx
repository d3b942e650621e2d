import { useRef, useState, type FormEvent } from 'react';
import type { AccessKeyInput, Result } from '../api';
import { useAccessKeyForm } from '../hooks/useAccessKeyForm';
import { Dialog } from './Dialog';
import { ErrorAlert } from './ErrorAlert';
import { SubmitFooter } from './SubmitFooter';
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
      footer={<SubmitFooter pending={pending} label={submitLabel} pendingLabel={pendingLabel} onCancel={onCancel} />}
    >
      <div className="form">
        <AccessKeyNameFields values={form.values} errors={form.errors} change={form.change} blur={form.blur} nameInput={nameInput} descriptionInput={descriptionInput} />
        {form.formError && <ErrorAlert error={form.formError} />}
      </div>
    </Dialog>
  );
}
