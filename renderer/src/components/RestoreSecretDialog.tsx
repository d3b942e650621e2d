import { z } from 'zod';
import { apiSecretText } from '../../../electron/shared/access-keys/rules';
import type { AccessKeySummary } from '../../../electron/shared/access-keys/types';
import { FormDialog } from '../forms/FormDialog';
import { SecretField } from '../forms/SecretField';
import { useSchemaForm, type FormText } from '../forms/useSchemaForm';
import { noteKeychainError } from '../queries/keychain';
import { useRestoreSecret } from '../queries/keychain-fixes';

const restoreFields = z.strictObject({ secret: apiSecretText });

/**
 * Puts a key's lost APISecret back into the OS keychain. The typed secret lives
 * only in this dialog's form state: it is never put in the store or a cache, and is dropped
 * when the dialog closes.
 */
export function RestoreSecretDialog({ accessKey, onDone, onCancel }: { accessKey: Pick<AccessKeySummary, 'id' | 'name'>; onDone(): void; onCancel(): void }) {
  const restore = useRestoreSecret();
  const form = useSchemaForm(restoreFields, { secret: '' });

  const submit = async (values: FormText<typeof restoreFields>) => {
    const result = await restore.run({ id: accessKey.id, secret: values.secret });
    if (result.ok) return onDone();
    // The user said no in main's own confirmation: close quietly.
    if (result.error.code === 'NOT_CONFIRMED') return onCancel();
    form.showServerError(result.error);
    noteKeychainError(result.error);
  };

  return (
    <FormDialog
      title={`Re-enter the APISecret of ${accessKey.name}`}
      form={form}
      initialFocus="secret"
      submitLabel="Save APISecret"
      pendingLabel="Saving…"
      onSubmit={submit}
      onCancel={onCancel}
    >
      <div className="dialog-message">
        <p>
          The OS keychain has no APISecret for <strong>{accessKey.name}</strong> (<code>{accessKey.id}</code>). If the
          caller still has it, type or paste it here; it goes straight into the keychain.
        </p>
      </div>
      <SecretField name="secret" label="APISecret" hint="32 hex characters (0–9, A–F). Gatekey never shows it here." />
    </FormDialog>
  );
}
