import { useId, type ReactNode, type Ref } from 'react';

export interface FormFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  onBlur(): void;
  error?: string;
  hint?: string;
  required?: boolean;
  /** Shows a live "n / max" counter. */
  maxLength?: number;
  inputRef?: Ref<HTMLInputElement>;
  placeholder?: string;
  /** Something to do about the error, shown right after it (e.g. a link to the existing record). */
  errorAction?: ReactNode;
  /** A two-line, monospace box for pasted identifiers: unlike an input it keeps pasted line breaks, so they can be refused. Enter still submits. */
  pasteArea?: boolean;
  textareaRef?: Ref<HTMLTextAreaElement>;
}

/** A labelled text input whose hint, counter and error are tied to it via aria-describedby. */
export function FormField({ label, value, onChange, onBlur, error, hint, required, maxLength, inputRef, placeholder, errorAction, pasteArea, textareaRef }: FormFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const counterId = `${id}-counter`;
  const describedBy = [error && errorId, hint && hintId, maxLength && counterId].filter(Boolean).join(' ') || undefined;
  const over = maxLength !== undefined && value.trim().length > maxLength;

  return (
    <div className="field">
      <div className="field-label-row">
        <label htmlFor={id} className="field-label">
          {label}
          {required && <span className="field-required" aria-hidden="true"> *</span>}
        </label>
        {maxLength !== undefined && (
          <span id={counterId} className={over ? 'field-counter field-counter-over' : 'field-counter'}>
            {value.trim().length} / {maxLength}
          </span>
        )}
      </div>
      {pasteArea ? (
        <textarea
          id={id}
          ref={textareaRef}
          className="input input-paste"
          rows={2}
          value={value}
          aria-required={required ? true : undefined}
          placeholder={placeholder}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => onChange(event.target.value)}
          onBlur={onBlur}
          onKeyDown={(event) => {
            if (event.key !== 'Enter' || event.shiftKey) return;
            event.preventDefault();
            event.currentTarget.form?.requestSubmit();
          }}
        />
      ) : (
        <input
          id={id}
          ref={inputRef}
          className="input"
          value={value}
          aria-required={required ? true : undefined}
          placeholder={placeholder}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => onChange(event.target.value)}
          onBlur={onBlur}
        />
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      {error && errorAction && <div className="field-error-action">{errorAction}</div>}
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
