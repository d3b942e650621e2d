import { useRef, useState, type FormEvent } from 'react';
import type { AuthorizationSummary } from '../../../electron/core/authorizations/types';
import { AUTHORIZATION_DESCRIPTION_MAX, authorizationDescription } from '../../../electron/core/authorizations/rules';
import { useSchemaForm } from '../hooks/useSchemaForm';
import { useAppStore } from '../store';
import { CallerKey } from './CallerKey';
import { Dialog } from './Dialog';
import { ErrorAlert } from './ErrorAlert';
import { FormField } from './FormField';
import { SubmitFooter } from './SubmitFooter';

/** Only the description changes: a different Access Key is a different authorization. */
export function EditAuthorizationDialog({ authorization }: { authorization: AuthorizationSummary }) {
  const update = useAppStore((s) => s.updateAuthorization);
  const close = useAppStore((s) => s.closeAuthorizationDialog);
  const form = useSchemaForm(authorizationDescription.shape, { description: authorization.description });
  const [pending, setPending] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    const checked = form.validate();
    if (!checked.ok) return input.current?.focus();
    setPending(true);
    const result = await update(authorization.id, checked.values.description);
    if (result.ok) return close();
    setPending(false);
    form.showServerError(result.error);
  };

  return (
    <Dialog
      title="Edit Authorization"
      initialFocus={input}
      onClose={() => !pending && close()}
      onSubmit={submit}
      footer={<SubmitFooter pending={pending} label="Save" pendingLabel="Saving…" onCancel={close} />}
    >
      <div className="form">
        <div className="dialog-subject">
          <span className="dialog-subject-label">Access Key</span>
          <CallerKey authorization={authorization} />
        </div>
        <FormField
          label="Description"
          inputRef={input}
          maxLength={AUTHORIZATION_DESCRIPTION_MAX}
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
