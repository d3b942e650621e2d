import { useState } from 'react';
import { JDCLOUD_DEFAULT_ENDPOINT } from '../../../../electron/shared/jdcloud/account';
import type { JdAccountView } from '../../../../electron/shared/jdcloud/types';
import { FormDialog } from '../../forms/FormDialog';
import { SchemaField } from '../../forms/SchemaField';
import { useSchemaForm } from '../../forms/useSchemaForm';
import { useJdConnect } from '../../queries/jdcloud';
import { connectDefaults, connectFields, splitRegions, type ConnectText } from './connect-form';
import { RegionChoice } from './RegionChoice';
import { SecretField } from '../../forms/SecretField';

/**
 * Connects (or replaces) the JD Cloud account. The SecretKey lives only in this
 * form's state until main puts it in the keychain; it is dropped when the dialog closes.
 */
export function ConnectDialog({ account, onDone, onCancel }: { account: JdAccountView | null; onDone(account: JdAccountView): void; onCancel(): void }) {
  const connect = useJdConnect();
  const form = useSchemaForm(connectFields, connectDefaults(account));
  const [advanced, setAdvanced] = useState(() => (account?.endpoint ?? JDCLOUD_DEFAULT_ENDPOINT) !== JDCLOUD_DEFAULT_ENDPOINT);
  const endpointError = form.formState.errors.endpoint !== undefined;

  const submit = async (values: ConnectText) => {
    const result = await connect.run({ ...values, regions: splitRegions(values.regions) });
    if (result.ok) return onDone(result.data);
    // The user said no in main's own confirmation: nothing changed, close quietly.
    if (result.error.code === 'NOT_CONFIRMED') return onCancel();
    form.showServerError(result.error);
  };

  return (
    <FormDialog
      title={account ? 'Change JD Cloud account' : 'Connect JD Cloud account'}
      form={form}
      initialFocus="accessKeyId"
      submitLabel={account ? 'Save and connect' : 'Connect'}
      pendingLabel="Connecting…"
      onSubmit={submit}
      onCancel={onCancel}
    >
      <div className="dialog-message">
        <p>
          An AccessKey of your JD Cloud account (console: <strong>Account → AccessKey management</strong>) that may use API Gateway.
        </p>
      </div>
      <SchemaField name="accessKeyId" label="AccessKey ID" required hint="Not secret: it names the key in every signed request." />
      <SecretField
        name="secretKey"
        label="SecretKey"
        required
        hint={`${account !== null ? 'Enter it again: Gatekey never shows the stored one. ' : ''}It goes straight into the OS keychain, never into Gatekey’s data file.`}
      />
      <RegionChoice />
      <details className="jd-advanced" open={advanced || endpointError} onToggle={(event) => setAdvanced(event.currentTarget.open)}>
        <summary>Advanced</summary>
        <SchemaField name="endpoint" label="Endpoint" required hint={`The management API. ${JDCLOUD_DEFAULT_ENDPOINT} unless you use a private cloud; http:// only for 127.0.0.1 or localhost.`} />
      </details>
    </FormDialog>
  );
}
