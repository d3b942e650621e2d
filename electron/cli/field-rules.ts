import type { z } from 'zod';
import { inputRefused } from '../shared/errors';

/**
 * Checks options against the window's own form schema, so the command line
 * refuses what the form refuses, with the same words, naming the option.
 */
export function parseFields<S extends z.ZodType>(schema: S, input: unknown, optionOf: (field: string) => string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const option = optionOf(issue.path.join('.'));
  throw inputRefused(`${option}: ${issue.message}`, { reason: 'cliFieldRefused', params: { option, detail: issue.message } });
}
