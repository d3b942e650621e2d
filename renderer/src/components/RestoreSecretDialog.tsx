import { useId, useRef, useState, type FormEvent } from 'react';
import { apiSecretText } from '../../../electron/core/access-keys/rules';
import type { AccessKeySummary } from '../../../electron/core/access-keys/types';
import type { IpcError } from '../api';
import { useAppStore } from '../store';
import { Dialog } from './Dialog';
import { ErrorAlert } from './ErrorAlert';
import { SubmitFooter } from './SubmitFooter';

const check = (value: string) => {
  const result = apiSecretText.safeParse(value);
  return result.success ? undefined : result.error.issues[0]?.message;
};

/**
 * Puts a key's lost APISecret back into the OS keychain. The typed secret lives
 * only in this dialog's state: it is never put in the store, and is dropped when
 * the dialog closes.
 */
export function RestoreSecretDialog({ accessKey, onDone, onCancel }: { accessKey: Pick<AccessKeySummary, 'id' | 'name'>; onDone(): void; onCancel(): void }) {
  const restore = useAppStore((s) => s.restoreAccessKeySecret);
  const noteKeychainError = useAppStore((s) => s.noteKeychainError);
  const [secret, setSecret] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<IpcError | null>(null);
  const [pending, setPending] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    const problem = check(secret);
    setFieldError(problem);
    setError(null);
    if (problem) return input.current?.focus();
    setPending(true);
    const result = await restore(accessKey.id, secret);
    if (result.ok) return onDone();
    // The user said no in main's own confirmation: close quietly.
    if (result.error.code === 'NOT_CONFIRMED') return onCancel();
    setPending(false);
    if (result.error.fields?.secret) setFieldError(result.error.fields.secret);
    else setError(result.error);
    noteKeychainError(result.error);
  };

  return (
    <Dialog
      title={`Re-enter the APISecret of ${accessKey.name}`}
      initialFocus={input}
      onClose={() => !pending && onCancel()}
      onSubmit={submit}
      footer={<SubmitFooter pending={pending} label="Save APISecret" pendingLabel="Saving…" onCancel={onCancel} />}
    >
      <div className="form">
        <div className="dialog-message">
          <p>
            The OS keychain has no APISecret for <strong>{accessKey.name}</strong> (<code>{accessKey.id}</code>). If the
            caller still has it, type or paste it here; it goes straight into the keychain.
          </p>
        </div>
        <div className="field">
          <label htmlFor={id} className="field-label">
            APISecret
          </label>
          <input
            id={id}
            ref={input}
            type="password"
            className="input input-secret"
            value={secret}
            autoComplete="off"
            spellCheck={false}
            aria-required
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={`${id}-hint${fieldError ? ` ${id}-error` : ''}`}
            onChange={(event) => {
              setSecret(event.target.value);
              if (fieldError) setFieldError(check(event.target.value));
            }}
            onBlur={() => secret && setFieldError(check(secret))}
          />
          {fieldError && (
            <p id={`${id}-error`} className="field-error">
              {fieldError}
            </p>
          )}
          <p id={`${id}-hint`} className="field-hint">
            32 hex characters (0–9, A–F). Gatekey never shows it here.
          </p>
        </div>
        {error && <ErrorAlert error={error} />}
      </div>
    </Dialog>
  );
}
