import { useId, useState } from 'react';
import { AUTHORIZATION_DESCRIPTION_MAX, authorizationFields } from '../../../electron/shared/authorizations/rules';
import { FormDialog } from '../forms/FormDialog';
import { SchemaField } from '../forms/SchemaField';
import { useSchemaForm, type FormText } from '../forms/useSchemaForm';
import { candidatesFromHandoffText, HANDOFF_PREFIX, looksLikeHandoffText } from '../key-files';
import { useCreateAuthorization } from '../queries/authorizations';
import { chooseKeyFilesToImport } from '../queries/key-import';
import { useAppStore } from '../store';
import { Icon } from './Icon';

/** Authorizes a caller by the identifier they handed over; binding groups comes next. */
export function CreateAuthorizationDialog() {
  const create = useCreateAuthorization();
  const close = useAppStore((s) => s.closeAuthorizationDialog);
  const reveal = useAppStore((s) => s.revealAuthorization);
  const openImport = useAppStore((s) => s.openKeyImport);
  const [choosing, setChoosing] = useState(false);
  const form = useSchemaForm(authorizationFields, { callerKey: '', description: '' });
  const [existingId, setExistingId] = useState<string | null>(null);
  const typeId = useId();

  const submit = async (values: FormText<typeof authorizationFields>) => {
    const result = await create.run({ callerKey: values.callerKey, description: values.description });
    // On success revealing the new row closes this dialog.
    if (result.ok) return;
    if (result.error.code === 'ALREADY_EXISTS') {
      form.setError('callerKey', { type: 'server', message: result.error.message || 'This access key is already authorized.' }, { shouldFocus: true });
      setExistingId(result.error.existingId ?? null);
    } else {
      form.showServerError(result.error);
    }
  };

  // Handoff text (one line per key) goes to the import preview instead: it carries name and fingerprint too.
  const importHandoff = (text: string) => {
    const { candidates, refused } = candidatesFromHandoffText(text);
    openImport(candidates, refused);
  };

  const importFiles = async () => {
    setChoosing(true);
    const result = await chooseKeyFilesToImport();
    // Chosen: the import preview has replaced this dialog. Cancelled: nothing changes.
    setChoosing(false);
    if (!result.ok) form.showServerError(result.error);
  };

  return (
    <FormDialog
      title="Create Authorization"
      form={form}
      initialFocus="callerKey"
      submitLabel="Create"
      pendingLabel="Creating…"
      onSubmit={submit}
      onCancel={close}
      submitInstead={(values) => {
        setExistingId(null);
        if (!looksLikeHandoffText(values.callerKey)) return false;
        importHandoff(values.callerKey);
        return true;
      }}
    >
      <div className="field">
        <div className="field-label-row">
          <label htmlFor={typeId} className="field-label">
            Authorization type
          </label>
        </div>
        <input id={typeId} className="input input-readonly" value="API caller" readOnly tabIndex={-1} />
      </div>
      <SchemaField
        name="callerKey"
        label="Access Key ID or APIKey"
        required
        pasteArea
        errorAction={
          existingId && (
            <button type="button" className="link-button" onClick={() => reveal(existingId)}>
              Open the existing authorization
            </button>
          )
        }
        hint="12 hex characters (Access Key ID) or 32 hex characters (APIKey), as the caller handed it over. Pasted handoff text (gatekey-apikey:…) opens the import preview."
        intercept={(value) => {
          setExistingId(null);
          // A paste of a whole handoff line, not the prefix typed so far.
          if (!looksLikeHandoffText(value) || value.trim().length <= HANDOFF_PREFIX.length + 16) return false;
          importHandoff(value);
          return true;
        }}
        // Re-checking on blur would clear "already authorized" (the value itself is valid) and
        // take its button away just as the user moves to click it.
        checkOnBlur={existingId === null}
      />
      <SchemaField name="description" label="Description" maxLength={AUTHORIZATION_DESCRIPTION_MAX} hint="Optional. Who the caller is, or why they get access." />
      <div className="import-alternative">
        <div>
          <p className="import-alternative-title">Have the caller’s key file?</p>
          <p className="field-hint">Choose one or more .gatekey.json files, or drop them on the Access Authorization page.</p>
        </div>
        <button type="button" className="button" onClick={() => void importFiles()} disabled={form.formState.isSubmitting || choosing}>
          <Icon name="key" />
          <span>Import key file…</span>
        </button>
      </div>
    </FormDialog>
  );
}
