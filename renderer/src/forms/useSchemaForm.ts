import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type { IpcError } from '../api';

/** What a form's fields hold: the text as typed, or the option chosen ('' until one is), before the schema trims or converts it. */
export type FormText<S extends z.ZodObject> = { [K in keyof z.input<S> & string]: string };

export type SchemaForm<V extends FieldValues> = UseFormReturn<V> & {
  /** An error main sent about no field in particular: the dialog shows it as its alert. */
  formError: IpcError | null;
  setFormError(error: IpcError | null): void;
  /** Field errors from main go beside their field (the first one takes focus); anything else becomes the form's alert. */
  showServerError(error: IpcError): void;
};

/**
 * A react-hook-form form checked with a zod schema from electron/shared, the one
 * main validates the same input with, so an inline message is the one main would send.
 * A field is checked on blur, on submit, and while it shows an error, as it is
 * fixed (see useSchemaField); typing in a clean field checks nothing.
 */
export function useSchemaForm<S extends z.ZodObject>(schema: S, defaultValues: FormText<S>): SchemaForm<FormText<S>> {
  type V = FormText<S>;
  // Raw: the submit gets the text as typed, which is what main receives and parses again.
  // The cast: fields hold text (an environment is '' until chosen); the schema decides what that text may be.
  const [resolver] = useState(() => zodResolver(schema, undefined, { mode: 'sync', raw: true }) as unknown as Resolver<V>);
  // 'onSubmit' and 'onBlur' keep react-hook-form from checking on change by itself; useSchemaField decides when.
  // (DefaultValues<V> is a deep partial of V that TypeScript cannot match to a generic mapped type on its own.)
  const form = useForm<V>({ resolver, defaultValues: defaultValues as DefaultValues<V>, mode: 'onSubmit', reValidateMode: 'onBlur' });
  const [formError, setFormError] = useState<IpcError | null>(null);

  const showServerError = (error: IpcError) => {
    const named = (Object.keys(defaultValues) as Path<V>[]).filter((field) => error.fields?.[field] !== undefined);
    form.clearErrors();
    named.forEach((field, index) => form.setError(field, { type: 'server', message: error.fields?.[field] }, { shouldFocus: index === 0 }));
    setFormError(named.length > 0 ? null : error);
  };

  return { ...form, formError, setFormError, showServerError };
}
