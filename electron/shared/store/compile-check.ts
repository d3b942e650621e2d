import { z } from 'zod';

/**
 * Compiles a zod schema into one plain function that answers only "valid or
 * not", with the same decision as `schema.safeParse(value).success`.
 *
 * Why: at load, zod checks 310,000 records in about 0.8x the time of their
 * JSON.parse, mostly building output objects nobody reads; the compiled check
 * does the same tests in about 0.1x. It reads the rules from the schema's own
 * definition, so the zod schemas stay the one source of the rules. ajv over
 * `z.toJSONSchema` was as fast per call but took 170–230 ms to compile in each
 * process, more than the whole check.
 *
 * Only the kinds of rule the store uses are compiled: strings with length
 * limits (counted in code points, as zod does), regexes and ISO datetimes;
 * enums; literals; optional; nullable; arrays with length limits; strict or
 * stripping objects. Anything else (a
 * refine, a transform, a format with its own logic such as `url`) throws
 * `UnsupportedRule` rather than being skipped, so the caller can fall back to zod.
 * The generated code holds no text from the schema except JSON literals (keys,
 * enum and literal values) and checked integers; patterns are passed in as objects.
 */
export type CompiledCheck = (value: unknown) => boolean;

export class UnsupportedRule extends Error {
  override name = 'UnsupportedRule';
}

/** What this compiler reads of a zod definition (a check's definition has the same shape). */
interface Def {
  type?: string;
  check?: string;
  checks?: Array<{ _zod: { def: Def } }>;
  coerce?: boolean;
  when?: unknown;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  length?: number;
  shape?: Record<string, z.core.$ZodType>;
  catchall?: z.core.$ZodType;
  element?: z.core.$ZodType;
  innerType?: z.core.$ZodType;
  entries?: z.core.util.EnumLike;
  values?: unknown[];
}

/** String formats whose zod check is exactly `pattern.test(value)` (others, like `url`, run their own code). */
const PATTERN_FORMATS = new Set(['regex', 'datetime']);

const defOf = (schema: z.core.$ZodType): Def => schema._zod.def as Def;

/** The `when` zod gives every length check (run it when the value has a length); any other `when` is the schema author's own condition. */
const LENGTH_WHEN = defOf(z.string().max(1)).checks?.[0]?._zod.def.when;

/** zod runs a string format schema (`z.iso.datetime()`) as a check on itself, before the checks added to it. */
function checksOf(schema: z.core.$ZodType): Def[] {
  const own = schema._zod.traits.has('$ZodCheck') ? [defOf(schema)] : [];
  return [...own, ...(defOf(schema).checks ?? []).map((check) => check._zod.def)];
}

const limit = (n: number | undefined): number => {
  if (n === undefined || !Number.isSafeInteger(n)) throw new UnsupportedRule(`a length limit that is not an integer (${String(n)})`);
  return n;
};

export function compileCheck(schema: z.core.$ZodType): CompiledCheck {
  const constants: unknown[] = [];
  let names = 0;
  const fresh = (prefix: string) => `${prefix}${(names += 1)}`;
  const constant = (value: unknown) => `c[${constants.push(value) - 1}]`;
  const fail = (condition: string) => `if (!(${condition})) return false;\n`;

  const codePoints = constant(z.core.util.codePointLength);
  /**
   * Length limits (`.min`, `.max`, `.length`) and, for strings, patterns, as conditions on `v`; any other check is refused.
   * zod counts a string's length in code points (a surrogate pair is one): the unit count decides
   * alone where it can, as in zod, and zod's own counter decides the rest.
   */
  function conditionsOf(checks: Def[], v: string, isString: boolean): string[] {
    return checks.map((check) => {
      if (check.when !== undefined && check.when !== LENGTH_WHEN) throw new UnsupportedRule('a check with a `when` condition');
      if (check.check === 'min_length') {
        const min = limit(check.minimum);
        return isString ? `(${v}.length >= ${min * 2} || (${v}.length >= ${min} && ${codePoints}(${v}) >= ${min}))` : `${v}.length >= ${min}`;
      }
      if (check.check === 'max_length') {
        const max = limit(check.maximum);
        return isString ? `(${v}.length <= ${max} || ${codePoints}(${v}) <= ${max})` : `${v}.length <= ${max}`;
      }
      if (check.check === 'length_equals') {
        const n = limit(check.length);
        return isString ? `(${v}.length >= ${n} && ${v}.length <= ${n * 2} && ${codePoints}(${v}) === ${n})` : `${v}.length === ${n}`;
      }
      if (isString && check.check === 'string_format' && check.when === undefined && PATTERN_FORMATS.has(check.format ?? '') && check.pattern instanceof RegExp) {
        const pattern = constant(check.pattern);
        // zod resets lastIndex before each test; only a global or sticky pattern keeps one.
        return check.pattern.global || check.pattern.sticky ? `(${pattern}.lastIndex = 0, ${pattern}.test(${v}))` : `${pattern}.test(${v})`;
      }
      throw new UnsupportedRule(`the check "${check.check ?? '?'}"${check.format ? ` (format ${check.format})` : ''}`);
    });
  }

  function noChecks(schema: z.core.$ZodType): void {
    if (checksOf(schema).length > 0) throw new UnsupportedRule(`a check on a ${defOf(schema).type ?? '?'} schema`);
  }

  const oneOf = (v: string, values: unknown[]) => {
    for (const value of values) {
      if (!(typeof value === 'string' || typeof value === 'boolean' || value === null || (typeof value === 'number' && Number.isFinite(value)))) {
        throw new UnsupportedRule(`the value ${String(value)} (only strings, finite numbers, booleans and null compare with ===)`);
      }
    }
    // JSON.stringify of a string, finite number, boolean or null is a valid JS literal of the same value.
    return values.length === 0 ? 'false' : values.map((value) => `${v} === ${JSON.stringify(value)}`).join(' || ');
  };

  /** Code that returns false when `v` breaks the schema and falls through when it keeps it. */
  function emit(schema: z.core.$ZodType, v: string): string {
    const def = defOf(schema);
    switch (def.type) {
      case 'string': {
        if (def.coerce) throw new UnsupportedRule('a coercing string');
        return fail([`typeof ${v} === 'string'`, ...conditionsOf(checksOf(schema), v, true)].join(' && '));
      }
      case 'enum':
        noChecks(schema);
        return fail(oneOf(v, z.core.util.getEnumValues(def.entries ?? {})));
      case 'literal':
        noChecks(schema);
        return fail(oneOf(v, def.values ?? []));
      case 'optional':
      case 'nullable':
        noChecks(schema);
        if (!def.innerType) throw new UnsupportedRule(`${def.type} without an inner schema`);
        return `if (${v} !== ${def.type === 'optional' ? 'undefined' : 'null'}) {\n${emit(def.innerType, v)}}\n`;
      case 'array': {
        if (!def.element) throw new UnsupportedRule('an array without an element schema');
        const index = fresh('i');
        const item = fresh('v');
        return (
          fail([`Array.isArray(${v})`, ...conditionsOf(checksOf(schema), v, false)].join(' && ')) +
          `for (let ${index} = 0; ${index} < ${v}.length; ${index}++) {\nconst ${item} = ${v}[${index}];\n${emit(def.element, item)}}\n`
        );
      }
      case 'object':
        return emitObject(schema, def, v);
      default:
        throw new UnsupportedRule(`a ${def.type ?? '?'} schema`);
    }
  }

  function emitObject(schema: z.core.$ZodType, def: Def, v: string): string {
    noChecks(schema);
    const shape = def.shape ?? {};
    const catchall = def.catchall ? defOf(def.catchall).type : undefined;
    // never: a strict object refuses unknown keys; undefined: a plain object strips them (accepts).
    if (catchall !== undefined && catchall !== 'never') throw new UnsupportedRule(`an object whose unknown keys must be ${catchall}`);
    // zod's test of an object: not null, not an array.
    let code = fail(`typeof ${v} === 'object' && ${v} !== null && !Array.isArray(${v})`);
    for (const [key, field] of Object.entries(shape)) {
      const value = fresh('v');
      code += `const ${value} = ${v}[${JSON.stringify(key)}];\n${emit(field, value)}`;
    }
    if (catchall === 'never') {
      const key = fresh('k');
      // for...in, as zod's own walk: inherited enumerable keys count too.
      code += `for (const ${key} in ${v}) ${fail(oneOf(key, Object.keys(shape)))}`;
    }
    return code;
  }

  const body = `${emit(schema, 'value')}return true;\n`;
  // Main and the CLI only (storage); the renderer's CSP forbids code from strings and never loads this.
  return new Function('c', `'use strict';\nreturn function compiledCheck(value) {\n${body}};`)(constants) as CompiledCheck;
}
