import { useState } from 'react';
import type { z } from 'zod';
import type { IpcError } from '../api';

/**
 * Values and inline errors of a form whose fields each have a zod rule, the
 * same rules main validates with, so the inline message is the one main would send.
 * Checked on blur and submit; a field showing an error is re-checked while it is fixed.
 */
export function useSchemaForm<F extends string>(rules: Record<F, z.ZodType>, initial: Record<F, string>) {
  type Errors = Partial<Record<F, string>>;
  const fields = Object.keys(initial) as F[];
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<IpcError | null>(null);

  const check = (field: F, value: string): string | undefined => {
    const result = rules[field].safeParse(value);
    return result.success ? undefined : result.error.issues[0]?.message;
  };
  const isField = (key: string): key is F => (fields as string[]).includes(key);

  const change = (field: F, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: check(field, value) }));
  };

  const blur = (field: F) => setErrors((e) => ({ ...e, [field]: check(field, values[field]) }));

  /** The values to send, or the first field (in form order) that breaks its rule; all errors are then shown. */
  const validate = (): { ok: true; values: Record<F, string> } | { ok: false; field: F } => {
    setFormError(null);
    const found: Errors = {};
    for (const field of fields) {
      const message = check(field, values[field]);
      if (message) found[field] = message;
    }
    setErrors(found);
    const first = fields.find((field) => found[field]);
    return first ? { ok: false, field: first } : { ok: true, values };
  };

  /** Field errors from main go beside their field; anything else becomes the form's alert. */
  const showServerError = (error: IpcError) => {
    const fieldErrors: Errors = {};
    for (const [key, message] of Object.entries(error.fields ?? {})) if (isField(key)) fieldErrors[key] = message;
    setErrors(fieldErrors);
    setFormError(Object.keys(fieldErrors).length > 0 ? null : error);
  };

  /** An error of our own beside one field (e.g. "already authorized"). */
  const setFieldError = (field: F, message: string) => setErrors((e) => ({ ...e, [field]: message }));

  return { values, errors, formError, change, blur, validate, showServerError, setFieldError };
}
