import { describe, expect, it } from 'vitest';
import { accessKeyFields } from '../../../../electron/shared/access-keys/rules';

const issueOf = (input: unknown) => {
  const result = accessKeyFields.safeParse(input);
  return result.success ? undefined : result.error.issues[0]?.message;
};

describe('access key field rules', () => {
  it('accepts letters, digits, - and _ up to 32, trimming the surroundings', () => {
    expect(accessKeyFields.parse({ name: '  pay_ments-2  ', description: ' for tests ' })).toEqual({ name: 'pay_ments-2', description: 'for tests' });
    expect(accessKeyFields.parse({ name: 'a'.repeat(32), description: 'd'.repeat(180) }).name).toHaveLength(32);
  });

  it.each([
    ['', 'Name is required.'],
    ['   ', 'Name is required.'],
    ['a'.repeat(33), 'Name can be at most 32 characters.'],
    ['has space', 'Name can contain only letters, digits, "-" and "_".'],
    ['naïve', 'Name can contain only letters, digits, "-" and "_".'],
    ['<b>x</b>', 'Name can contain only letters, digits, "-" and "_".'],
  ])('refuses the name %j', (name, message) => {
    expect(issueOf({ name, description: '' })).toBe(message);
  });

  it.each([
    ['d'.repeat(181), 'Description can be at most 180 characters.'],
    ['line\nbreak', 'Description cannot contain control or direction-changing characters.'],
    ['evil\u202Etxt', 'Description cannot contain control or direction-changing characters.'],
    ['nul\u0000', 'Description cannot contain control or direction-changing characters.'],
  ])('refuses the description %j', (description, message) => {
    expect(issueOf({ name: 'ok', description })).toBe(message);
  });

  it('refuses unknown fields', () => {
    expect(accessKeyFields.safeParse({ name: 'ok', description: '', apiSecret: 'x' }).success).toBe(false);
  });
});
