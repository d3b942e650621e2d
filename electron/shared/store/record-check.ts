import { z } from 'zod';
import { accessKeyRecord } from '../access-keys/rules';
import { compileCheck, type CompiledCheck } from './compile-check';
import { apiGroupRecord, authorizationRecord, bindingRecord, jdcloudSection, type Collection, type StorePart } from './schema';

/**
 * Where a loaded part breaks the current store rules, in words for the user.
 * `path` is relative to the value checked (`[412, 'callerKey']`); `message`
 * already names the place, part included ("authorizations[412].callerKey: ...",
 * "callerKey in a record of authorizations: ..." for a journal entry),
 * ready to show as it is.
 */
export type CheckResult = { ok: true } | { ok: false; path: Array<string | number>; message: string };

export const recordSchemas = { accessKeys: accessKeyRecord, apiGroups: apiGroupRecord, authorizations: authorizationRecord, bindings: bindingRecord } as const;
export const partSchemas = {
  accessKeys: z.array(accessKeyRecord),
  apiGroups: z.array(apiGroupRecord),
  authorizations: z.array(authorizationRecord),
  bindings: z.array(bindingRecord),
  jdcloud: jdcloudSection,
} as const;

const OK: CheckResult = { ok: true };
const compiled = new Map<z.ZodType, CompiledCheck>();

/**
 * The compiled check of a schema, made on first use (about a millisecond). If a
 * schema ever gains a rule the compiler does not know, or code from strings is
 * refused, the check answers "not proven" and zod decides: slower, never wrong.
 */
function fastCheckOf(schema: z.ZodType): CompiledCheck {
  let check = compiled.get(schema);
  if (!check) {
    try {
      check = compileCheck(schema);
    } catch {
      check = () => false;
    }
    compiled.set(schema, check);
  }
  return check;
}

/** `[412, 'callerKey']` → `[412].callerKey`. */
const pathText = (path: Array<string | number>) => path.map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? key : `.${key}`)).join('');

/** `authorizations[412].callerKey`, `jdcloud.account.regions[0]`. */
const placeInPart = (part: StorePart) => (path: Array<string | number>) => `${part}${path.length > 0 && typeof path[0] === 'string' ? '.' : ''}${pathText(path)}`;
/** `callerKey in a record of authorizations`; a journal entry's record has no index. */
const placeInRecord = (collection: Collection) => (path: Array<string | number>) => (path.length > 0 ? `${pathText(path)} in a record of ${collection}` : `a record of ${collection}`);

/** The one check behind both entry points: the compiled check passes valid data; zod words (and has the last word on) anything it does not pass. */
function check(schema: z.ZodType, value: unknown, placeOf: (path: Array<string | number>) => string): CheckResult {
  if (fastCheckOf(schema)(value)) return OK;
  const parsed = schema.safeParse(value, { reportInput: true });
  if (parsed.success) return OK;
  const issue = parsed.error.issues[0];
  const path = (issue?.path ?? []).filter((key): key is string | number => typeof key !== 'symbol');
  const missing = issue?.code === 'invalid_type' && issue.input === undefined && path.length > 0;
  const problem = missing ? 'this required field is missing' : (issue?.message ?? 'unknown problem');
  return { ok: false, path, message: `${placeOf(path)}: ${problem}` };
}

/** Checks one part of a current-version store as read from disk (a snapshot's items or the JD Cloud section). */
export function checkPart(part: StorePart, value: unknown): CheckResult {
  return check(partSchemas[part], value, placeInPart(part));
}

/** Checks one record of a collection (a journal entry's put). */
export function checkRecord(collection: Collection, value: unknown): CheckResult {
  return check(recordSchemas[collection], value, placeInRecord(collection));
}
