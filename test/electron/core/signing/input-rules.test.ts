import { describe, expect, it } from 'vitest';
import { CONTROL_CHARACTERS, codePointName } from '../../../support/control-characters';
import { nonceProblem, regionProblem, serviceProblem, signingDateProblem, visible } from '../../../../electron/shared/signing/input-rules';

describe('the signing input rules', () => {
  it.each(CONTROL_CHARACTERS.map((c) => [codePointName(c), c]))('refuse %s in region, service, nonce and date as header injection', (_label, c) => {
    for (const problem of [regionProblem(`cn-north-1${c}`), serviceProblem(`svc${c}x`), nonceProblem(`${c}n-1`), signingDateProblem(`20261129T101010Z${c}`)]) {
      expect(problem?.words).toMatch(/header injection/);
      expect(problem?.id).toMatch(/^(lineBreak|controlCharacter)$/);
    }
  });

  it.each([['cn-north-1'], ['cn-east-2'], ['ap-southeast-1'], ['a'], ['x'.repeat(64)]])('take the region %s', (region) => expect(regionProblem(region)).toBeUndefined());
  it.each([['CN-NORTH-1'], ['cn north 1'], [''], ['-cn'], ['cn_north'], ['x'.repeat(65)], ["cn'1"], ['cn$(id)']])('refuse the region %j', (region) => {
    expect(regionProblem(region)).toEqual({ id: 'notRegion', words: expect.stringMatching(/is not a region/), params: { value: region } });
  });

  it.each([['xv3xbwah945y'], ['apigateway'], ['service_name'], ['vm'], ['x'.repeat(63)]])('take the service %s', (service) => expect(serviceProblem(service)).toBeUndefined());
  it.each([['Svc'], [''], ['_svc'], ['svc.x'], ['x'.repeat(64)], ['s v c'], ['a`b`']])('refuse the service %j', (service) => {
    expect(serviceProblem(service)).toEqual({ id: 'notService', words: expect.stringMatching(/is not a service name/), params: { value: service } });
  });

  it('take a printable ASCII nonce up to 128 characters, without spaces', () => {
    expect(nonceProblem('55f3919e-3a7d-4174-b117-f150ff25e274')).toBeUndefined();
    expect(nonceProblem('X-Jdcloud-Nonce')).toBeUndefined();
    expect(nonceProblem('!'.repeat(128))).toBeUndefined();
    for (const bad of ['', 'a b', 'x'.repeat(129), 'nonceé']) expect(nonceProblem(bad)).toEqual({ id: 'nonceFormat', words: expect.stringMatching(/printable ASCII/), params: {} });
  });

  it('take real UTC times only, each field checked by a round trip', () => {
    for (const good of ['20261129T101010Z', '20240229T000000Z', '20261231T235959Z', '19700101T000000Z']) expect(signingDateProblem(good)).toBeUndefined();
    for (const bad of ['20261399T999999Z', '20261301T000000Z', '20261100T000000Z', '20250229T000000Z', '20261131T000000Z', '20261129T240000Z', '20261129T106000Z', '20261129T101060Z', '00500101T000000Z']) {
      expect(signingDateProblem(bad), bad).toEqual({ id: 'dateNotReal', words: expect.stringMatching(/is not a real UTC time/), params: { value: bad } });
    }
    expect(signingDateProblem('2026-11-29T10:10:10Z')).toEqual({ id: 'dateFormat', words: expect.stringMatching(/YYYYMMDDTHHMMSSZ/), params: {} });
  });

  it('say a line break is one, and name any other such character by its code point', () => {
    const lineBreak = { id: 'lineBreak', words: 'contains a line break; that is refused (header injection)', params: {} };
    expect(regionProblem('cn\r\nX: 1')).toEqual(lineBreak);
    expect(nonceProblem('n\u2028')).toEqual(lineBreak);
    expect(serviceProblem('s\x1b[31m')).toEqual({ id: 'controlCharacter', words: 'contains the control or direction-changing character U+001B; that is refused (header injection)', params: { char: 'U+001B' } });
    expect(serviceProblem('s\u202e')).toMatchObject({ words: expect.stringMatching(/U\+202E/), params: { char: 'U+202E' } });
  });

  it('quote text in messages with its control characters spelled out, never carried', () => {
    expect(visible('a\r\nX-Evil: 1\u202e')).toBe('a\\u{D}\\u{A}X-Evil: 1\\u{202E}');
    expect(visible('x'.repeat(100), 10)).toBe(`${'x'.repeat(10)}…`);
  });
});
