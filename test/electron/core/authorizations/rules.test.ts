import { describe, expect, it } from 'vitest';
import { accessKeyDescription } from '../../../../electron/shared/access-keys/rules';
import { apiGroupFields } from '../../../../electron/shared/api-groups/rules';
import { authorizationFields, callerKey } from '../../../../electron/shared/authorizations/rules';
import { truncateText } from '../../../../electron/shared/text-rules';

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

describe('the one text rule', () => {
  // A lone half arrives decoded: JSON "\\uD800" in a file, or a structured clone over IPC.
  const loneHalves = ['pay\uD800', '\uDC00x', 'a\uDBFF'];

  it('refuses a lone surrogate in every free-text field, with its own message', () => {
    for (const description of loneHalves) {
      const authorization = authorizationFields.safeParse({ callerKey: 'a280dc988b22', description });
      expect(authorization.success ? 'accepted' : authorization.error.issues[0]?.message).toBe('Description contains a broken character (half of a surrogate pair).');
      expect(accessKeyDescription.safeParse(description).success).toBe(false);
      expect(accessKeyDescription.safeParse('fine').success).toBe(true);
      const group = { name: 'Orders', description: '', region: 'cn-north-1', environment: 'test', host: 'orderssvc.cn-north-1.jdcloud-api.net' };
      expect(apiGroupFields.safeParse(group).success).toBe(true);
      expect(apiGroupFields.safeParse({ ...group, name: description }).success).toBe(false);
      expect(apiGroupFields.safeParse({ ...group, description }).success).toBe(false);
    }
    expect(authorizationFields.safeParse({ callerKey: 'a280dc988b22', description: 'pay 💳 🇫🇷' }).success).toBe(true);
  });

  it('truncates between graphemes only', () => {
    expect(truncateText('ab💳', 3)).toBe('ab');
    expect(truncateText('abe\u0301', 3)).toBe('ab');
    expect(truncateText('a🇫🇷', 4)).toBe('a');
    expect(truncateText('abcdef', 4, '…')).toBe('abc…');
    expect(truncateText('abc', 3, '…')).toBe('abc');
  });
});
