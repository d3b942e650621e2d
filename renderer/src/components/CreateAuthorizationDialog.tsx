import { useId, useRef, useState, type FormEvent } from 'react';
import { AUTHORIZATION_DESCRIPTION_MAX, authorizationFields } from '../../../electron/core/authorizations/rules';
import { useSchemaForm } from '../hooks/useSchemaForm';
import { useAppStore } from '../store';
import { Dialog } from './Dialog';
import { ErrorAlert } from './ErrorAlert';
import { FormField } from './FormField';
import { Icon } from './Icon';
import { candidatesFromHandoffText, HANDOFF_PREFIX, looksLikeHandoffText } from '../key-files';
import { SubmitFooter } from './SubmitFooter';

/** Authorizes a caller by the identifier they handed over; binding groups comes next. */
export function CreateAuthorizationDialog() {
  const create = useAppStore((s) => s.createAuthorization);
  const close = useAppStore((s) => s.closeAuthorizationDialog);
  const reveal = useAppStore((s) => s.revealAuthorization);
  const previewImport = useAppStore((s) => s.previewKeyImport);
  const chooseKeyFiles = useAppStore((s) => s.chooseKeyFilesToImport);
  const [choosing, setChoosing] = useState(false);
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
    if (looksLikeHandoffText(form.values.callerKey)) return importHandoff(form.values.callerKey);
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

  // Handoff text (one line per key) goes to the import preview instead: it carries name and fingerprint too.
  const importHandoff = (text: string) => {
    const { candidates, refused } = candidatesFromHandoffText(text);
    void previewImport(candidates, refused);
  };

  const importFiles = async () => {
    setChoosing(true);
    const result = await chooseKeyFiles();
    // Chosen: the import preview has replaced this dialog. Cancelled: nothing changes.
    setChoosing(false);
    if (!result.ok) form.showServerError(result.error);
  };

  return (
    <Dialog
      title="Create Authorization"
      initialFocus={keyInput}
      onClose={() => !pending && close()}
      onSubmit={submit}
      footer={<SubmitFooter pending={pending} label="Create" pendingLabel="Creating…" onCancel={close} />}
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
          hint="12 hex characters (Access Key ID) or 32 hex characters (APIKey), as the caller handed it over. Pasted handoff text (gatekey-apikey:…) opens the import preview."
          onChange={(value) => {
            setExistingId(null);
            // A paste of a whole handoff line, not the prefix typed so far.
            if (looksLikeHandoffText(value) && value.trim().length > HANDOFF_PREFIX.length + 16) return importHandoff(value);
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
        <div className="import-alternative">
          <div>
            <p className="import-alternative-title">Have the caller’s key file?</p>
            <p className="field-hint">Choose one or more .gatekey.json files, or drop them on the Access Authorization page.</p>
          </div>
          <button type="button" className="button" onClick={() => void importFiles()} disabled={pending || choosing}>
            <Icon name="key" />
            <span>Import key file…</span>
          </button>
        </div>
        {form.formError && <ErrorAlert error={form.formError} />}
      </div>
    </Dialog>
  );
}
