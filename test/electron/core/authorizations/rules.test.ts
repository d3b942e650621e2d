import { describe, expect, it } from 'vitest';
import { authorizationFields, callerKey } from '../../../../electron/core/authorizations/rules';

const messageOf = (input: string) => {
  const result = callerKey.safeParse(input);
  return result.success ? undefined : result.error.issues[0]?.message;
};

describe("the caller's identifier", () => {
  it.each([
    ['a280dc988b22', { kind: 'accessKeyId', value: 'a280dc988b22' }],
    ['A280DC988B22', { kind: 'accessKeyId', value: 'a280dc988b22' }],
    ['0123456789abcdef0123456789ABCDEF', { kind: 'apiKey', value: '0123456789ABCDEF0123456789ABCDEF' }],
    ['  a280dc988b22\r\n', { kind: 'accessKeyId', value: 'a280dc988b22' }],
    ['\t\u00a00123456789ABCDEF0123456789ABCDEF \n', { kind: 'apiKey', value: '0123456789ABCDEF0123456789ABCDEF' }],
    ['\ufeffa280dc988b22', { kind: 'accessKeyId', value: 'a280dc988b22' }],
  ])('accepts %j as pasted', (input, expected) => {
    expect(callerKey.parse(input)).toEqual(expected);
  });

  it.each([
    ['', /Enter the Access Key ID or APIKey/],
    ['   \n', /Enter the Access Key ID or APIKey/],
    ['a280dc98 8b22', /spaces or line breaks inside/],
    ['0123456789ABCDEF\n0123456789ABCDEF', /spaces or line breaks inside/],
    ['a280dc98\u202e8b22', /control or direction-changing/],
    ['a280dc98\u200b8b22', /control or direction-changing/],
    ['a280dc98\u00008b22', /control or direction-changing/],
    ['a280dc988b2', /12 hex characters.*32 hex characters/],
    ['a280dc988b22a', /12 hex characters.*32 hex characters/],
    ['g280dc988b22', /12 hex characters.*32 hex characters/],
    ['x'.repeat(300), /far too long/],
  ])('refuses %j', (input, message) => {
    expect(messageOf(input)).toMatch(message);
  });

  it('limits the description to 256 characters', () => {
    expect(authorizationFields.safeParse({ callerKey: 'a280dc988b22', description: 'd'.repeat(256) }).success).toBe(true);
    expect(authorizationFields.safeParse({ callerKey: 'a280dc988b22', description: 'd'.repeat(257) }).success).toBe(false);
  });
});
