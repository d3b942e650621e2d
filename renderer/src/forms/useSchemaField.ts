import { useController, useFormContext } from 'react-hook-form';

export interface SchemaFieldBinding {
  value: string;
  error: string | undefined;
  /** Lets react-hook-form focus the field: on open, at the first error of a submit, and beside main's field error. */
  ref(element: HTMLElement | null): void;
  onChange(value: string): void;
  onBlur(): void;
}

/**
 * Binds one text field of the surrounding FormDialog's form. A field showing an
 * error is re-checked as it changes, so the message clears as soon as it is fixed;
 * `checkOnBlur: false` keeps an error from main that the value alone would not
 * reproduce (e.g. "already authorized") while the user moves to act on it.
 */
export function useSchemaField(name: string, { checkOnBlur = true }: { checkOnBlur?: boolean } = {}): SchemaFieldBinding {
  const { control, trigger } = useFormContext();
  const { field, fieldState } = useController({ name, control });
  return {
    value: String(field.value ?? ''),
    error: fieldState.error?.message,
    ref: field.ref,
    onChange(value) {
      field.onChange(value);
      if (fieldState.error) void trigger(name);
    },
    onBlur() {
      if (checkOnBlur) void trigger(name);
    },
  };
}
