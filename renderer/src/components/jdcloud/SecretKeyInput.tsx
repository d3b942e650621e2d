import { useId } from 'react';
import { useSchemaField } from '../../forms/useSchemaField';

/** The account's SecretKey: a password field, never filled from anything Gatekey holds (main never sends it back). */
export function SecretKeyInput({ replacing }: { replacing: boolean }) {
  const { ref, value, error, onChange, onBlur } = useSchemaField('secretKey');
  const id = useId();
  return (
    <div className="field">
      <div className="field-label-row">
        <label htmlFor={id} className="field-label">
          SecretKey<span className="field-required" aria-hidden="true"> *</span>
        </label>
      </div>
      <input
        id={id}
        ref={ref}
        type="password"
        className="input input-secret"
        value={value}
        autoComplete="off"
        spellCheck={false}
        aria-required
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onChange={(event) => onChange(event.target.value)}
        // Leaving it empty (e.g. for Cancel) is no mistake yet.
        onBlur={() => value && onBlur()}
      />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      <p id={`${id}-hint`} className="field-hint">
        {replacing ? 'Enter it again: Gatekey never shows the stored one. ' : ''}It goes straight into the OS keychain, never into Gatekey’s data file.
      </p>
    </div>
  );
}
