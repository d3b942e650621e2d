import { describe, expect, it } from 'vitest';
import { buildKeyFile, checksumOf, handoffText, keyFileText } from '../../../../electron/core/key-files/format';
import type { KeyFile } from '../../../../electron/shared/key-files/format';
import { parseHandoffText, parseKeyFile } from '../../../../electron/core/key-files/parse';

const record = {
  id: 'a280dc988b22',
  name: 'payments',
  description: 'for the payments team',
  apiKey: '0123456789ABCDEF0123456789ABCDEF',
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-01T09:00:00.000Z',
};
const valid = buildKeyFile(record, new Date('2026-11-29T10:00:00.000Z'));
const bytes = (text: string) => new TextEncoder().encode(text);
/** A file with changed fields and a checksum that matches them, so only the change is judged. */
const resealed = (changes: Record<string, unknown>, remove: string[] = []) => {
  const content: Record<string, unknown> = { ...valid, ...changes };
  for (const field of remove) delete content[field];
  delete content.checksum;
  return JSON.stringify({ ...content, checksum: checksumOf(content as unknown as KeyFile) });
};
const reasonOf = (input: Uint8Array) => {
  const result = parseKeyFile(input);
  return result.ok ? 'accepted' : result.reason;
};

describe('a valid key file', () => {
  it('round-trips through text and through handoff text', () => {
    expect(parseKeyFile(bytes(keyFileText(valid)))).toEqual({ ok: true, file: valid });
    expect(handoffText(valid)).toMatch(/^gatekey-apikey:[A-Za-z0-9_-]+$/);
    expect(parseHandoffText(`  ${handoffText(valid)}\n`)).toEqual({ ok: true, file: valid });
  });

  it('accepts a handoff line that chat broke into pieces', () => {
    const line = handoffText(valid);
    expect(parseHandoffText(`${line.slice(0, 40)}\n${line.slice(40, 90)} ${line.slice(90)}`)).toEqual({ ok: true, file: valid });
  });

  it('takes names with HTML, emoji or right-to-left text as plain text', () => {
    for (const name of ['<img src=x onerror=alert(1)>', 'pay 💳', 'مدفوعات']) {
      expect(parseKeyFile(bytes(resealed({ name })))).toMatchObject({ ok: true, file: { name } });
    }
  });
});

describe('a bad key file is refused with its reason', () => {
  it.each([
    ['over 64 KiB', new Uint8Array(64 * 1024 + 1).fill(0x20), /larger than 64 KiB/],
    ['not JSON', bytes('hello'), /not JSON/],
    ['truncated', bytes(keyFileText(valid).slice(0, 100)), /not JSON/],
    ['empty', bytes(''), /not JSON/],
    ['with a UTF-8 BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(keyFileText(valid))]), /byte-order mark/],
    ['UTF-16', new Uint8Array([0xff, 0xfe, ...Buffer.from(keyFileText(valid), 'utf16le')]), /UTF-16/],
    ['UTF-16 without BOM', new Uint8Array(Buffer.from(keyFileText(valid), 'utf16le')), /UTF-16 or binary/],
    ['invalid UTF-8', new Uint8Array([0x7b, 0xc3, 0x28, 0x7d]), /not valid UTF-8/],
    ['an array', bytes('[]'), /top level is not an object/],
    ['a string', bytes('"gatekey"'), /top level is not an object/],
    ['null', bytes('null'), /top level is not an object/],
    ['of another format', bytes(resealed({ format: 'other.thing' })), /not a Gatekey key file/],
    ['from a newer Gatekey', bytes(resealed({ version: 2 })), /made by a newer Gatekey \(key file version 2\)/],
    ['missing its APIKey', bytes(resealed({}, ['apiKey'])), /"apiKey" is missing/],
    ['with an extra field', bytes(resealed({ team: 'x' })), /fields a key file does not have \(team\)/],
    ['with a wrong-typed field', bytes(resealed({ version: '1' })), /"version"/],
    ['with a short APIKey', bytes(resealed({ apiKey: 'ABC' })), /"apiKey" is not a 32-hex APIKey/],
    ['with a lowercase ID check', bytes(resealed({ accessKeyId: 'A280DC988B22' })), /"accessKeyId"/],
    ['with a control character in the name', bytes(resealed({ name: 'pay\u0007ments' })), /control or direction-changing/],
    ['with a bidi override in the description', bytes(resealed({ description: 'abc\u202edcba' })), /control or direction-changing/],
    ['edited after export', bytes(JSON.stringify({ ...valid, name: 'edited' })), /checksum does not match/],
    ['with a __proto__ key', bytes(keyFileText(valid).replace('{', '{"__proto__": {"polluted": true},')), /__proto__/],
    ['with a constructor key', bytes(keyFileText(valid).replace('{', '{"constructor": {"prototype": {}},')), /constructor/],
    ['carrying an apiSecret', bytes(resealed({ apiSecret: 'FEDCBA9876543210FEDCBA9876543210' })), /must never carry a secret/],
    ['carrying a secretKey', bytes(resealed({ secretKey: 'x' })), /must never carry a secret/],
    ['carrying a password deep inside', bytes(resealed({ extra: { nested: [{ Password: 'x' }] } })), /must never carry a secret/],
    ['carrying sk', bytes(resealed({ sk: 'x' })), /must never carry a secret/],
  ])('%s', (_label, input, reason) => {
    expect(reasonOf(input)).toMatch(reason);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses handoff text with the wrong prefix or damaged payload', () => {
    expect(parseHandoffText('hello')).toMatchObject({ ok: false, reason: expect.stringMatching(/starts with "gatekey-apikey:"/) });
    expect(parseHandoffText('gatekey-apikey:abc$def')).toMatchObject({ ok: false, reason: expect.stringMatching(/damaged/) });
    expect(parseHandoffText(handoffText(valid).slice(0, -10))).toMatchObject({ ok: false });
  });
});

describe('a key file built to break the parser', () => {
  it('gets its own reason when nested too deep, whether at the top or inside a field, without overflowing the stack', () => {
    const arrays = `${'['.repeat(6000)}${']'.repeat(6000)}`;
    expect(reasonOf(bytes(arrays))).toMatch(/nested too deep \(6000 levels/);
    expect(reasonOf(bytes(keyFileText(valid).replace('{', `{"extra": ${arrays},`)))).toMatch(/nested too deep/);
    // Brackets inside strings are text, not nesting.
    expect(parseKeyFile(bytes(resealed({ description: '['.repeat(200) })))).toMatchObject({ ok: true });
  });

  it('refuses a field named twice, comparing names after their escapes are decoded', () => {
    const other = 'FEDCBA9876543210FEDCBA9876543210';
    expect(reasonOf(bytes(keyFileText(valid).replace('"apiKey":', `"apiKey": "${other}",\n  "apiKey":`)))).toMatch(/names the field "apiKey" twice/);
    expect(reasonOf(bytes(keyFileText(valid).replace('"apiKey":', `"api\\u004bey": "${other}",\n  "apiKey":`)))).toMatch(/names the field "apiKey" twice/);
    // The same name in two different objects is no repeat; a name as a value is no name.
    expect(reasonOf(bytes(resealed({ extra: [{ a: 1 }, { a: 2 }] })))).toMatch(/fields a key file does not have \(extra\)/);
    expect(parseKeyFile(bytes(resealed({ description: 'apiKey' })))).toMatchObject({ ok: true });
  });

  it('refuses a lone surrogate written as a JSON escape, in the name and in the description', () => {
    const withEscape = (changes: Record<string, unknown>) => resealed(changes);
    expect(withEscape({ name: 'pay\uD800' })).toContain('\\ud800');
    expect(reasonOf(bytes(withEscape({ name: 'pay\uD800' })))).toMatch(/"name" contains a broken character/);
    expect(reasonOf(bytes(withEscape({ description: '\uDC00 trailing half' })))).toMatch(/"description" contains a broken character/);
    expect(parseKeyFile(bytes(withEscape({ name: 'pay 💳' })))).toMatchObject({ ok: true });
  });
});

describe('handoff text wrapped by chat or e-mail', () => {
  const line = handoffText(valid);
  it.each([
    ['quoted with > markers and CRLF', `> ${line.slice(0, 30)}\r\n> ${line.slice(30, 100)}\r\n> ${line.slice(100)}\r\n`],
    ['nested quotes and indentation', `>> ${line.slice(0, 60)}\n> >    ${line.slice(60)}`],
    ['broken right after the prefix', `gatekey-apikey:\n${line.slice('gatekey-apikey:'.length)}`],
    ['with old Mac line ends', `${line.slice(0, 70)}\r${line.slice(70)}`],
  ])('imports when %s', (_label, text) => {
    expect(parseHandoffText(text)).toEqual({ ok: true, file: valid });
  });

  it('refuses two keys pasted as one item', () => {
    expect(parseHandoffText(`${line}\n${line}`)).toMatchObject({ ok: false, reason: expect.stringMatching(/more than one/) });
  });
});
