import { useState } from 'react';
import { accessKeyDescription, accessKeyFields, accessKeyName } from '../../../electron/core/access-keys/rules';
import type { AccessKeyInput, IpcError } from '../api';

export type FieldName = keyof AccessKeyInput;
export type FieldErrors = Partial<Record<FieldName, string>>;

// The same zod rules main validates with, so the inline message is the one main would send.
const rules = { name: accessKeyName, description: accessKeyDescription };

function checkField(field: FieldName, value: string): string | undefined {
  const result = rules[field].safeParse(value);
  return result.success ? undefined : result.error.issues[0]?.message;
}

const isField = (key: string): key is FieldName => key === 'name' || key === 'description';

/** Values and inline errors of the access-key form: checked on blur and submit, re-checked while fixing. */
export function useAccessKeyForm(initial: AccessKeyInput) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<IpcError | null>(null);

  const change = (field: FieldName, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    // Only re-check a field that already shows an error, so it clears as soon as it is fixed.
    if (errors[field]) setErrors((e) => ({ ...e, [field]: checkField(field, value) }));
  };

  const blur = (field: FieldName) => setErrors((e) => ({ ...e, [field]: checkField(field, values[field]) }));

  /** The values to send, or the first field that breaks the rules (all errors are then shown). */
  const validate = (): { ok: true; values: AccessKeyInput } | { ok: false; field: FieldName } => {
    setFormError(null);
    const result = accessKeyFields.safeParse(values);
    if (result.success) {
      setErrors({});
      return { ok: true, values };
    }
    const found: FieldErrors = {};
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? '');
      if (isField(field)) found[field] ??= issue.message;
    }
    setErrors(found);
    return { ok: false, field: found.name ? 'name' : 'description' };
  };

  /** Field errors from main go beside their field; anything else becomes the form's alert. */
  const showServerError = (error: IpcError) => {
    const fieldErrors: FieldErrors = {};
    for (const [key, message] of Object.entries(error.fields ?? {})) if (isField(key)) fieldErrors[key] = message;
    setErrors(fieldErrors);
    setFormError(Object.keys(fieldErrors).length > 0 ? null : error);
  };

  return { values, errors, formError, change, blur, validate, showServerError };
}

export type AccessKeyForm = ReturnType<typeof useAccessKeyForm>;
