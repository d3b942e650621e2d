import { useId, type ReactNode } from 'react';
import { useSchemaField } from './useSchemaField';

/**
 * A secret typed into a form (an APISecret, the account's SecretKey): a password
 * field, never filled from anything Gatekey holds, validated like the other fields
 * but not when left empty on the way to Cancel.
 */
export function SecretField({ name, label, required = false, hint }: { name: string; label: string; required?: boolean; hint: ReactNode }) {
  const { ref, value, error, onChange, onBlur } = useSchemaField(name);
  const id = useId();
  return (
    <div className="field">
      <div className="field-label-row">
        <label htmlFor={id} className="field-label">
          {label}
          {required && (
            <span className="field-required" aria-hidden="true">
              {' '}
              *
            </span>
          )}
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
        // Leaving the field empty (e.g. for Cancel) is no mistake yet.
        onBlur={() => value && onBlur()}
      />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
    </div>
  );
}
