import type { z } from 'zod';
import { isFieldReasonId, type FieldReasonId } from '../shared/error-reasons';
import type { AppError, FieldErrors, FieldReason, FieldReasons, MessageParams } from '../shared/errors';
import type { IpcError } from './result';

/** An AppError as the window receives it; every field it names gets a reason (see result.ts). */
export function ipcErrorOf(error: AppError): IpcError {
  const ipcError: IpcError = { code: error.code, message: error.message, reason: error.reason, params: error.params };
  if (error.fields) {
    ipcError.fields = error.fields;
    const fieldReasons: FieldReasons = {};
    for (const field of Object.keys(error.fields)) fieldReasons[field] = error.fieldReasons?.[field] ?? { reason: error.reason, params: error.params };
    ipcError.fieldReasons = fieldReasons;
  }
  if (error.existingId !== undefined) ipcError.existingId = error.existingId;
  return ipcError;
}

/** A schema's refusal: the first field's words as the message, every field with its words and its reason. */
export function invalidInput(error: z.ZodError): IpcError {
  const fields: FieldErrors = {};
  const fieldReasons: FieldReasons = {};
  for (const issue of error.issues) {
    const key = issue.code === 'unrecognized_keys' || issue.path.length === 0 ? '_' : issue.path.join('.');
    if (key in fields) continue;
    fields[key] = issue.code === 'unrecognized_keys' ? `Unexpected field(s): ${issue.keys.join(', ')}.` : issue.message;
    fieldReasons[key] = fieldReasonOf(issue);
  }
  const field = Object.keys(fields)[0] ?? '_';
  return { code: 'INVALID_INPUT', message: fields[field] ?? 'The request is not valid.', reason: 'invalidField', params: { field }, fields, fieldReasons };
}

const because = (reason: FieldReasonId, params: MessageParams = {}): FieldReason => ({ reason, params });

function fieldReasonOf(issue: z.core.$ZodIssue): FieldReason {
  switch (issue.code) {
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return because('tooLong', { maximum });
      return because(issue.origin === 'array' || issue.origin === 'set' ? 'tooMany' : 'tooLarge', { maximum });
    }
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') return minimum === 1 ? because('required') : because('tooShort', { minimum });
      return because(issue.origin === 'array' || issue.origin === 'set' ? 'tooFew' : 'tooSmall', { minimum });
    }
    case 'invalid_format':
      return because('invalidFormat', { format: issue.format });
    case 'invalid_value':
      return because('notOneOf', { options: issue.values.map(String).join(', ') });
    case 'invalid_type':
      return because('invalidType', { expected: issue.expected });
    case 'unrecognized_keys':
      return because('unexpectedFields', { keys: issue.keys.join(', ') });
    case 'custom':
      return customReason(issue.params);
    default:
      return because('invalid');
  }
}

/** A rule's own check names its reason, and any values its words need, in the refine's `params`. */
function customReason(params: Record<string, unknown> | undefined): FieldReason {
  const { reason, ...rest } = params ?? {};
  const values: MessageParams = {};
  for (const [name, value] of Object.entries(rest)) if (typeof value === 'string' || typeof value === 'number') values[name] = value;
  return because(typeof reason === 'string' && isFieldReasonId(reason) ? reason : 'invalid', values);
}
