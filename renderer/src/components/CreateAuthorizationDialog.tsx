import { useId, useRef, useState, type FormEvent } from 'react';
import { AUTHORIZATION_DESCRIPTION_MAX, authorizationFields } from '../../../electron/core/authorizations/rules';
import { useSchemaForm } from '../hooks/useSchemaForm';
import { useAppStore } from '../store';
import { Dialog } from './Dialog';
import { ErrorAlert } from './ErrorAlert';
import { FormField } from './FormField';

/** Authorizes a caller by the identifier they handed over; binding groups comes next. */
export function CreateAuthorizationDialog() {
  const create = useAppStore((s) => s.createAuthorization);
  const close = useAppStore((s) => s.closeAuthorizationDialog);
  const reveal = useAppStore((s) => s.revealAuthorization);
  const form = useSchemaForm(authorizationFields.shape, { callerKey: '', description: '' });
  const [pending, setPending] = useState(false);
  const [existingId, setExistingId] = useState<string | null>(null);
  const keyInput = useRef<HTMLTextAreaElement>(null);
  const descriptionInput = useRef<HTMLInputElement>(null);
  const typeId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setExistingId(null);
    const checked = form.validate();
    if (!checked.ok) return (checked.field === 'callerKey' ? keyInput : descriptionInput).current?.focus();
    setPending(true);
    const result = await create(checked.values.callerKey, checked.values.description);
    // On success the store closes this dialog.
    if (result.ok) return;
    setPending(false);
    if (result.error.code === 'ALREADY_EXISTS') {
      form.setFieldError('callerKey', result.error.message || 'This access key is already authorized.');
      setExistingId(result.error.existingId ?? null);
      keyInput.current?.focus();
    } else {
      form.showServerError(result.error);
      if (result.error.fields?.callerKey) keyInput.current?.focus();
    }
  };

  return (
    <Dialog
      title="Create Authorization"
      initialFocus={keyInput}
      onClose={() => !pending && close()}
      onSubmit={submit}
      footer={
        <>
          <button type="button" className="button" onClick={close} disabled={pending}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={pending}>
            {pending ? 'Creating…' : 'Create'}
          </button>
        </>
      }
    >
      <div className="form">
        <div className="field">
          <div className="field-label-row">
            <label htmlFor={typeId} className="field-label">
              Authorization type
            </label>
          </div>
          <input id={typeId} className="input input-readonly" value="API caller" readOnly tabIndex={-1} />
        </div>
        <FormField
          label="Access Key ID or APIKey"
          required
          pasteArea
          textareaRef={keyInput}
          value={form.values.callerKey}
          error={form.errors.callerKey}
          errorAction={
            existingId && (
              <button type="button" className="link-button" onClick={() => reveal(existingId)}>
                Open the existing authorization
              </button>
            )
          }
          hint="12 hex characters (Access Key ID) or 32 hex characters (APIKey), as the caller handed it over."
          onChange={(value) => {
            setExistingId(null);
            form.change('callerKey', value);
          }}
          // Re-checking on blur would clear "already authorized" (the value itself is valid) and
          // take its button away just as the user moves to click it.
          onBlur={() => existingId === null && form.blur('callerKey')}
        />
        <FormField
          label="Description"
          inputRef={descriptionInput}
          maxLength={AUTHORIZATION_DESCRIPTION_MAX}
          hint="Optional. Who the caller is, or why they get access."
          value={form.values.description}
          error={form.errors.description}
          onChange={(value) => form.change('description', value)}
          onBlur={() => form.blur('description')}
        />
        {form.formError && <ErrorAlert error={form.formError} />}
      </div>
    </Dialog>
  );
}
