import { useRef, useState, type FormEvent } from 'react';
import { accessKeyDescription, accessKeyName, apiKeyText } from '../../../electron/core/access-keys/rules';
import { useSchemaForm } from '../hooks/useSchemaForm';
import { useAppStore } from '../store';
import { Dialog } from './Dialog';
import { ErrorAlert } from './ErrorAlert';
import { FormField } from './FormField';
import { SubmitFooter } from './SubmitFooter';
import { AccessKeyNameFields } from './AccessKeyNameFields';

const rules = { name: accessKeyName, description: accessKeyDescription, apiKey: apiKeyText };
type Field = keyof typeof rules;

/** Gives a keychain entry that lost its record an access key again, with the APIKey the user still has. */
export function AdoptOrphanDialog({ account, onDone, onCancel }: { account: string; onDone(): void; onCancel(): void }) {
  const adopt = useAppStore((s) => s.adoptOrphanSecret);
  const noteKeychainError = useAppStore((s) => s.noteKeychainError);
  const form = useSchemaForm(rules, { name: '', description: '', apiKey: '' });
  const [pending, setPending] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const descriptionInput = useRef<HTMLInputElement>(null);
  const apiKeyInput = useRef<HTMLInputElement>(null);
  const focus = (field: Field) => ({ name: nameInput, description: descriptionInput, apiKey: apiKeyInput })[field].current?.focus();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    const checked = form.validate();
    if (!checked.ok) return focus(checked.field);
    setPending(true);
    const result = await adopt({ account, ...checked.values });
    if (result.ok) return onDone();
    // The user said no in main's own confirmation: close quietly.
    if (result.error.code === 'NOT_CONFIRMED') return onCancel();
    setPending(false);
    form.showServerError(result.error);
    noteKeychainError(result.error);
    const field = (Object.keys(result.error.fields ?? {}) as Field[]).find((key) => key in rules);
    if (field) focus(field);
  };

  return (
    <Dialog
      title="Adopt keychain entry"
      initialFocus={nameInput}
      onClose={() => !pending && onCancel()}
      onSubmit={submit}
      footer={<SubmitFooter pending={pending} label="Adopt" pendingLabel="Adopting…" onCancel={onCancel} />}
    >
      <div className="form">
        <div className="dialog-message">
          <p>
            The keychain entry <code>{account}</code> holds an APISecret but no access key refers to it. Adopting makes
            an access key with this ID again; the APISecret stays in the keychain as it is.
          </p>
        </div>
        <AccessKeyNameFields values={form.values} errors={form.errors} change={form.change} blur={form.blur} nameInput={nameInput} descriptionInput={descriptionInput} />
        <FormField
          label="APIKey"
          required
          inputRef={apiKeyInput}
          value={form.values.apiKey}
          error={form.errors.apiKey}
          hint="The 32 hex characters that belong to this APISecret, as the caller still has them (e.g. in their key file)."
          onChange={(value) => form.change('apiKey', value)}
          onBlur={() => form.blur('apiKey')}
        />
        {form.formError && <ErrorAlert error={form.formError} />}
      </div>
    </Dialog>
  );
}
