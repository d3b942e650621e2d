import { describe, expect, it } from 'vitest';
import { apiGroupFields } from '../../../../electron/shared/api-groups/rules';

const valid = { name: 'Orders', description: '', region: 'cn-north-1', environment: 'test', host: 'xv3xbwah945y.cn-north-1.jdcloud-api.net' };
const messageOf = (input: object) => {
  const result = apiGroupFields.safeParse({ ...valid, ...input });
  return result.success ? undefined : result.error.issues[0]?.message;
};

describe('API group fields', () => {
  it('accepts a group and normalises region and host', () => {
    expect(apiGroupFields.parse({ ...valid, region: ' CN-North-1 ', host: ' XV3XBWAH945Y.cn-north-1.jdcloud-api.net ' })).toEqual(valid);
  });

  it('takes names in any script, including HTML-looking text, as plain text', () => {
    for (const name of ['<b>x</b>', 'Orders 🚀', 'طلبات']) expect(apiGroupFields.parse({ ...valid, name }).name).toBe(name);
  });

  it.each([
    [{ name: '' }, /Name is required/],
    [{ name: 'x'.repeat(65) }, /at most 64/],
    [{ name: 'bad\u202ename' }, /control or direction-changing/],
    [{ description: 'd'.repeat(257) }, /at most 256/],
    [{ region: 'north' }, /Region looks like cn-north-1/],
    [{ environment: 'prod' }, /test, preview or online/],
    [{ host: 'https://xv3xbwah945y.cn-north-1.jdcloud-api.net' }, /without https/],
    [{ host: 'localhost' }, /domain name/],
    [{ host: 'a..b' }, /domain name/],
    [{ host: 'xv3xbwah945y.cn-north-1.jdcloud-api.net/path' }, /without https/],
  ])('refuses %j', (input, message) => {
    expect(messageOf(input)).toMatch(message);
  });
});
