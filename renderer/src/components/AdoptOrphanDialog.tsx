import { useRef, useState, type FormEvent } from 'react';
import { accessKeyDescription, accessKeyName, apiKeyText, DESCRIPTION_MAX, NAME_MAX } from '../../../electron/core/access-keys/rules';
import { useSchemaForm } from '../hooks/useSchemaForm';
import { useAppStore } from '../store';
import { Dialog } from './Dialog';
import { ErrorAlert } from './ErrorAlert';
import { FormField } from './FormField';

const rules = { name: accessKeyName, description: accessKeyDescription, apiKey: apiKeyText };
type Field = keyof typeof rules;

/** Gives a keychain entry that lost its record an access key again, with the APIKey the user still has. */
export function AdoptOrphanDialog({ account, onDone, onCancel }: { account: string; onDone(): void; onCancel(): void }) {
  const adopt = useAppStore((s) => s.adoptOrphanSecret);
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
    setPending(false);
    form.showServerError(result.error);
    const field = (Object.keys(result.error.fields ?? {}) as Field[]).find((key) => key in rules);
    if (field) focus(field);
  };

  return (
    <Dialog
      title="Adopt keychain entry"
      initialFocus={nameInput}
      onClose={() => !pending && onCancel()}
      onSubmit={submit}
      footer={
        <>
          <button type="button" className="button" onClick={onCancel} disabled={pending}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={pending}>
            {pending ? 'Adopting…' : 'Adopt'}
          </button>
        </>
      }
    >
      <div className="form">
        <p className="dialog-message">
          The keychain entry <code>{account}</code> holds an APISecret but no access key refers to it. Adopting makes
          an access key with this ID again; the APISecret stays in the keychain as it is.
        </p>
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
