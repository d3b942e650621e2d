import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signingKey } from '../../../../electron/core/signing/signing-keys';

// The chain from the JD Cloud signature docs, written out here on its own.
const derive = (v: string, secret: string, day: string, region: string, service: string) =>
  [day, region, service, `${v.toLowerCase()}_request`].reduce<Buffer | string>((key, data) => createHmac('sha256', key).update(data).digest(), `${v}${secret}`) as Buffer;

const SECRET = 'FEDCBA9876543210FEDCBA9876543210';

describe('the kept signing keys', () => {
  it('derive kSigning as the docs do, for each algorithm', () => {
    for (const v of ['JDCLOUD2', 'JDCLOUD3']) expect(signingKey(v, SECRET, '20261202', 'cn-north-1', 'apigateway').equals(derive(v, SECRET, '20261202', 'cn-north-1', 'apigateway'))).toBe(true);
  });

  it('are worked out once per secret, day, region, service and algorithm', () => {
    const first = signingKey('JDCLOUD2', SECRET, '20261202', 'cn-north-1', 'apigateway');
    expect(signingKey('JDCLOUD2', SECRET, '20261202', 'cn-north-1', 'apigateway')).toBe(first);
    const others = [
      signingKey('JDCLOUD3', SECRET, '20261202', 'cn-north-1', 'apigateway'),
      signingKey('JDCLOUD2', `${SECRET.slice(1)}0`, '20261202', 'cn-north-1', 'apigateway'),
      signingKey('JDCLOUD2', SECRET, '20261203', 'cn-north-1', 'apigateway'),
      signingKey('JDCLOUD2', SECRET, '20261202', 'cn-east-2', 'apigateway'),
      signingKey('JDCLOUD2', SECRET, '20261202', 'cn-north-1', 'xv3xbwah945y'),
    ];
    for (const other of others) expect(other.equals(first)).toBe(false);
    // Fields run into each other only with the separator: "ab"+"c" is not "a"+"bc".
    expect(signingKey('JDCLOUD2', SECRET, '20261202', 'cn-north-1a', 'pigateway').equals(first)).toBe(false);
  });

  it('keep a bounded number: the oldest is worked out again, to the same value', () => {
    const oldest = signingKey('JDCLOUD2', SECRET, '20200101', 'cn-north-1', 'bounded');
    for (let n = 0; n < 300; n += 1) signingKey('JDCLOUD2', SECRET, '20200102', 'cn-north-1', `service-${n}`);
    const again = signingKey('JDCLOUD2', SECRET, '20200101', 'cn-north-1', 'bounded');
    expect(again).not.toBe(oldest);
    expect(again.equals(oldest)).toBe(true);
  });
});
