import { accessKeyFields, apiKeyText, emptyAccessKeyFields } from '../../../electron/shared/access-keys/rules';
import { FormDialog } from '../forms/FormDialog';
import { SchemaField } from '../forms/SchemaField';
import { useSchemaForm, type FormText } from '../forms/useSchemaForm';
import { noteKeychainError } from '../queries/keychain';
import { useAdoptOrphanSecret } from '../queries/keychain-fixes';
import { AccessKeyNameFields } from './AccessKeyNameFields';

// Main's adoptOrphan input without `account`, which the dialog is opened for.
const adoptFields = accessKeyFields.extend({ apiKey: apiKeyText });

/** Gives a keychain entry that lost its record an access key again, with the APIKey the user still has. */
export function AdoptOrphanDialog({ account, onDone, onCancel }: { account: string; onDone(): void; onCancel(): void }) {
  const adopt = useAdoptOrphanSecret();
  const form = useSchemaForm(adoptFields, { ...emptyAccessKeyFields(), apiKey: '' });

  const submit = async (values: FormText<typeof adoptFields>) => {
    const result = await adopt.run({ account, ...values });
    if (result.ok) return onDone();
    // The user said no in main's own confirmation: close quietly.
    if (result.error.code === 'NOT_CONFIRMED') return onCancel();
    form.showServerError(result.error);
    noteKeychainError(result.error);
  };

  return (
    <FormDialog title="Adopt keychain entry" form={form} initialFocus="name" submitLabel="Adopt" pendingLabel="Adopting…" onSubmit={submit} onCancel={onCancel}>
      <div className="dialog-message">
        <p>
          The keychain entry <code>{account}</code> holds an APISecret but no access key refers to it. Adopting makes
          an access key with this ID again; the APISecret stays in the keychain as it is.
        </p>
      </div>
      <AccessKeyNameFields />
      <SchemaField
        name="apiKey"
        label="APIKey"
        required
        hint="The 32 hex characters that belong to this APISecret, as the caller still has them (e.g. in their key file)."
      />
    </FormDialog>
  );
}
