import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileCheck, UnsupportedRule } from '../../../../electron/shared/store/compile-check';

/** Values of every JSON kind, and a few a JSON parse never makes. */
const VALUES: unknown[] = [undefined, null, true, false, 0, -0, 1, 2, 1.5, NaN, '', 'a', 'ab', 'abc', 'A', 'x\n', '😀', 'a😀', '😀😀', '\ud800', '\ud800a', '\udc00\ud800', '\ud800\ud800', [undefined], ['😀'], [], [1], ['a'], ['a', 'b', 'c'], {}, { a: 'a' }, { a: 'a', b: 1 }, { b: 1 }, Object.create({ a: 'a' }) as unknown];

const agrees = (schema: z.ZodType) => {
  const check = compileCheck(schema);
  return VALUES.filter((value) => check(value) !== schema.safeParse(value).success);
};

describe('compileCheck', () => {
  it('decides as zod on the kinds of rule it compiles, beyond those the store uses', () => {
    const schemas: z.ZodType[] = [
      z.string(),
      z.string().length(2),
      z.string().min(1).max(2),
      z.string().regex(/b/g), // a global pattern keeps lastIndex between tests unless reset, as zod does
      z.string().regex(/^a/y),
      z.enum(['a', 'b']),
      z.literal([1, 'a', true, null]),
      z.array(z.string()).length(1),
      z.array(z.string().max(1).optional()).min(1).optional(),
      z.string().min(2),
      z.string().length(1),
      z.string().nullable(),
      z.object({ a: z.string() }), // strips unknown keys: accepts them
      z.strictObject({ a: z.string().optional() }),
      z.strictObject({}),
    ].map((schema) => schema as z.ZodType);
    for (const schema of schemas) {
      expect(agrees(schema)).toEqual([]);
      expect(agrees(schema)).toEqual([]); // twice: a stateful pattern would drift
    }
  });

  it('refuses a rule it cannot reproduce rather than skipping it', () => {
    // A `when` of the schema's author (zod's types leave it out of .max, its runtime does not).
    const ownCondition = { message: 'at most 3', when: () => true };
    const refused: z.ZodType[] = [
      z.string().refine((value) => value !== 'a'),
      z.string().transform((value) => value.trim()),
      z.url(),
      z.email(),
      z.string().startsWith('a'),
      z.coerce.string(),
      z.number(),
      z.looseObject({ a: z.string() }),
      z.object({ a: z.string() }).catchall(z.string()),
      z.strictObject({ a: z.string() }).refine(() => true),
      z.union([z.string(), z.null()]),
      z.string().default('a'),
      z.array(z.string()).refine(() => true),
      z.string().max(3, ownCondition),
    ].map((schema) => schema as z.ZodType);
    for (const schema of refused) expect(() => compileCheck(schema), schema.def.type).toThrow(UnsupportedRule);
  });

  it('puts no schema text into the code except JSON literals: a key or value full of quotes stays data', () => {
    const key = `a'];throw new Error("injected");//`;
    const schema = z.strictObject({ [key]: z.literal(`"\`\${x}'`) });
    const check = compileCheck(schema);
    expect(check({ [key]: `"\`\${x}'` })).toBe(true);
    expect(check({ [key]: 'other' })).toBe(false);
    expect(check({ other: 1 })).toBe(false);
  });
});
