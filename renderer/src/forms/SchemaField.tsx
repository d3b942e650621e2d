import { FormField, type FormFieldProps } from '../components/FormField';
import { useSchemaField } from './useSchemaField';

export type SchemaFieldProps = Omit<FormFieldProps, 'value' | 'onChange' | 'onBlur' | 'error' | 'inputRef' | 'textareaRef'> & {
  /** The field's key in the form's values (and in main's `IpcError.fields`). */
  name: string;
  checkOnBlur?: boolean;
  /** Sees each edit first; returning true keeps it out of the field (e.g. handoff text that opens the import preview instead). */
  intercept?(value: string): boolean;
};

/** A FormField bound to the surrounding FormDialog's form. */
export function SchemaField({ name, checkOnBlur, intercept, pasteArea, ...props }: SchemaFieldProps) {
  const field = useSchemaField(name, { checkOnBlur });
  return (
    <FormField
      {...props}
      pasteArea={pasteArea}
      value={field.value}
      error={field.error}
      inputRef={pasteArea ? undefined : field.ref}
      textareaRef={pasteArea ? field.ref : undefined}
      onChange={(value) => {
        if (!intercept?.(value)) field.onChange(value);
      }}
      onBlur={field.onBlur}
    />
  );
}
