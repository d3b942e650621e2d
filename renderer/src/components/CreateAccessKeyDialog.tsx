import { useId, useState } from 'react';
import { accessKeyFields, emptyAccessKeyFields } from '../../../electron/shared/access-keys/rules';
import type { AccessKeyInput } from '../api';
import { FormDialog } from '../forms/FormDialog';
import { useSchemaForm } from '../forms/useSchemaForm';
import { useCreateAccessKey } from '../queries/access-key-mutations';
import { useJdAccount, useJdCreateKey } from '../queries/jdcloud';
import { useAppStore } from '../store';
import { AccessKeyNameFields } from './AccessKeyNameFields';

/** Open whenever the store says so (toolbar button, empty state, Ctrl/Cmd+N). */
export function CreateAccessKeyDialog() {
  const open = useAppStore((s) => s.createDialogOpen);
  const close = useAppStore((s) => s.closeCreateDialog);
  if (!open) return null;
  return <CreateAccessKeyForm onCancel={close} />;
}

/**
 * Name and description, and, when a JD Cloud account is connected, where the key
 * is made: here (a local-only key no gateway knows) or in JD Cloud, which makes the
 * APIKey and APISecret itself. On success the mutation closes this dialog and opens the key.
 */
function CreateAccessKeyForm({ onCancel }: { onCancel(): void }) {
  const create = useCreateAccessKey();
  const createInCloud = useJdCreateKey();
  const account = useJdAccount().data;
  const form = useSchemaForm(accessKeyFields, emptyAccessKeyFields());
  const [inCloud, setInCloud] = useState(false);
  const [region, setRegion] = useState('');
  const regionId = useId();
  const cloud = inCloud && account ? { region: region || account.regions[0]! } : null;

  const submit = async (values: AccessKeyInput) => {
    const result = cloud ? await createInCloud.run({ ...values, region: cloud.region }) : await create.run(values);
    if (!result.ok) form.showServerError(result.error);
  };

  return (
    <FormDialog
      title="Create Access Key"
      form={form}
      initialFocus="name"
      submitLabel={cloud ? 'Create in JD Cloud' : 'Create'}
      pendingLabel="Creating…"
      onSubmit={submit}
      onCancel={onCancel}
    >
      <AccessKeyNameFields />
      {account && (
        <div className="jd-create-cloud">
          <label className="jd-check">
            <input type="checkbox" checked={inCloud} onChange={(event) => setInCloud(event.target.checked)} />
            <span>Create in JD Cloud</span>
          </label>
          {inCloud && (
            <div className="field">
              <label htmlFor={regionId} className="field-label">
                Region
              </label>
              <select id={regionId} className="input select" value={cloud?.region ?? ''} onChange={(event) => setRegion(event.target.value)}>
                {account.regions.map((code) => (
                  <option key={code} value={code}>
                    {code}
                  </option>
                ))}
              </select>
            </div>
          )}
          <p className="field-hint">
            {inCloud
              ? `JD Cloud API Gateway generates the APIKey and APISecret in the account ${account.accessKeyId}; the APISecret goes to your OS keychain.`
              : 'Without it, Gatekey generates a local-only key that no gateway knows.'}
          </p>
        </div>
      )}
      {account === null && (
        <p className="field-hint">
          Gatekey generates a local-only key that no gateway knows. To have JD Cloud API Gateway make the key, connect a JD Cloud account on the JD
          Cloud page first.
        </p>
      )}
    </FormDialog>
  );
}
