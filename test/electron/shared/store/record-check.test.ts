import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { compileCheck } from '../../../../electron/shared/store/compile-check';
import { checkPart, checkRecord, partSchemas, recordSchemas } from '../../../../electron/shared/store/record-check';
import { COLLECTIONS } from '../../../../electron/shared/store/schema';
import { mutantsOf, pairedMutants, seeded, validJdcloudSections, validRecords, type Mutant } from './record-mutations';

/** Mutants on which the compiled check and zod disagree (empty when they agree). */
function disagreements(schema: z.ZodType, mutants: Mutant[]): string[] {
  const check = compileCheck(schema);
  return mutants.filter((mutant) => check(mutant.value) !== schema.safeParse(mutant.value).success).map((mutant) => mutant.what);
}

const accepted = (schema: z.ZodType, mutants: Mutant[]) => mutants.filter((mutant) => schema.safeParse(mutant.value).success).length;

describe('the compiled check decides as the zod schema does', () => {
  for (const collection of COLLECTIONS) {
    it(`on every single mutation of every field of ${collection} records`, () => {
      const schema = recordSchemas[collection];
      const mutants = validRecords[collection].flatMap((record) => mutantsOf(record));
      expect(validRecords[collection].every((record) => schema.safeParse(record).success)).toBe(true);
      expect(disagreements(schema, mutants)).toEqual([]);
      // The mutants reach both sides of the rules, so agreement means something.
      expect(accepted(schema, mutants)).toBeGreaterThan(mutants.length / 5);
      expect(mutants.length - accepted(schema, mutants)).toBeGreaterThan(mutants.length / 5);
    });

    it(`on pairs of mutations of ${collection} records`, () => {
      const random = seeded(14 + collection.length);
      const mutants = validRecords[collection].flatMap((record) => pairedMutants(record, 1_500, random));
      expect(disagreements(recordSchemas[collection], mutants)).toEqual([]);
    });
  }

  it('on every mutation of the JD Cloud section (the account, its regions, the deleted authorizations)', () => {
    const mutants = validJdcloudSections.flatMap((section) => [...mutantsOf(section), ...pairedMutants(section, 1_500, seeded(7))]);
    expect(disagreements(partSchemas.jdcloud, mutants)).toEqual([]);
    expect(accepted(partSchemas.jdcloud, mutants)).toBeGreaterThan(mutants.length / 5);
    expect(mutants.length - accepted(partSchemas.jdcloud, mutants)).toBeGreaterThan(mutants.length / 5);
  });

  it('on whole parts with one mutant among valid records, and on parts that are not arrays', () => {
    for (const collection of COLLECTIONS) {
      const valid = validRecords[collection];
      const mutants = mutantsOf(valid[0]).map((mutant) => ({ what: mutant.what, value: [...valid, mutant.value, ...valid] }));
      const notArrays = [null, {}, 'x', 0, undefined].map((value) => ({ what: String(value), value }));
      expect(disagreements(partSchemas[collection], [...mutants, ...notArrays])).toEqual([]);
    }
  });
});

describe('checkPart and checkRecord', () => {
  afterEach(() => vi.restoreAllMocks());

  it('pass valid data without asking zod (the compiled check carries the load)', () => {
    const spies = Object.values(partSchemas).map((schema) => vi.spyOn(schema, 'safeParse'));
    for (const collection of COLLECTIONS) expect(checkPart(collection, [...validRecords[collection]])).toEqual({ ok: true });
    for (const section of validJdcloudSections) expect(checkPart('jdcloud', section)).toEqual({ ok: true });
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it('answer as zod does for every mutant, and say where and what when they refuse', () => {
    for (const collection of COLLECTIONS) {
      for (const mutant of validRecords[collection].flatMap((record) => mutantsOf(record))) {
        const result = checkRecord(collection, mutant.value);
        const zod = recordSchemas[collection].safeParse(mutant.value);
        expect({ what: mutant.what, ok: result.ok }).toEqual({ what: mutant.what, ok: zod.success });
        if (!result.ok && !zod.success) {
          expect(result.path).toEqual(zod.error.issues[0]!.path);
          expect(result.message).toMatch(result.path.length > 0 ? / in a record of \w+: \S/ : /^a record of \w+: \S/);
        }
      }
    }
  });

  it('name the part, the index and the field of the first problem', () => {
    const authorizations: Array<Record<string, unknown>> = Array.from({ length: 500 }, (_, n) => ({ ...validRecords.authorizations[0], id: `a${n.toString(36).padStart(11, '0')}` }));
    authorizations[412] = { ...authorizations[412]!, callerKey: 'not-a-key' };
    const result = checkPart('authorizations', authorizations);
    expect(result).toMatchObject({ ok: false, path: [412, 'callerKey'] });
    expect(!result.ok && result.message).toMatch(/^authorizations\[412\]\.callerKey: Invalid string: must match pattern/);

    const { description: _dropped, ...noDescription } = validRecords.apiGroups[0];
    expect(checkRecord('apiGroups', noDescription)).toEqual({ ok: false, path: ['description'], message: 'description in a record of apiGroups: this required field is missing' });
    expect(checkRecord('bindings', { ...validRecords.bindings[0], extra: 1 })).toEqual({ ok: false, path: [], message: 'a record of bindings: Unrecognized key: "extra"' });

    const section = { account: { ...(validJdcloudSections[1] as { account: object }).account, regions: [] }, deletedAuthorizations: [] };
    expect(checkPart('jdcloud', section)).toEqual({ ok: false, path: ['account', 'regions'], message: 'jdcloud.account.regions: Too small: expected array to have >=1 items' });
    expect(checkPart('bindings', { length: 0 })).toMatchObject({ ok: false, path: [], message: expect.stringMatching(/^bindings: Invalid input: expected array/) });
  });

  it('compile every schema of the store (none falls back to zod)', () => {
    for (const schema of [...Object.values(partSchemas), ...Object.values(recordSchemas)]) expect(() => compileCheck(schema)).not.toThrow();
  });

  it('are never loaded by the renderer, whose CSP refuses code made from strings', () => {
    const renderer = fileURLToPath(new URL('../../../../renderer/src', import.meta.url));
    const sources = readdirSync(renderer, { recursive: true, encoding: 'utf8' }).filter((file) => /\.tsx?$/.test(file));
    expect(sources.length).toBeGreaterThan(10);
    const importers = sources.filter((file) => /store\/(record-check|compile-check)['"]/.test(readFileSync(join(renderer, file), 'utf8')));
    expect(importers).toEqual([]);
  });
});
