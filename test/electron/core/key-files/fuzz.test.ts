import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildKeyFile, checksumOf, keyFileText } from '../../../../electron/core/key-files/format';
import type { KeyFile } from '../../../../electron/shared/key-files/format';
import { parseKeyFile } from '../../../../electron/core/key-files/parse';
import { STORE_FILE_NAME } from '../../../../electron/ipc/backend';
import { startTestBackend, type TestBackend } from '../../../support/test-backend';
import { seededRandom } from '../../../support/seeded-random';

// At least 1,000 malformed variants of a valid key file, each sent through the
// real import handler: none may crash it, none may write to the store.
const valid = buildKeyFile(
  { id: 'a280dc988b22', name: 'payments', description: 'team', apiKey: '0123456789ABCDEF0123456789ABCDEF', createdAt: '2026-11-01T09:00:00.000Z', updatedAt: '2026-11-01T09:00:00.000Z' },
  new Date('2026-11-29T10:00:00.000Z'),
);
const validText = keyFileText(valid);

const random = seededRandom(20261129);
const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const int = (max: number) => Math.floor(random() * max);
const fields = Object.keys(valid) as Array<keyof KeyFile>;
const oddValues: unknown[] = [null, 0, -1, 1e308, true, [], {}, '', ' ', 'x'.repeat(5000), '<script>alert(1)</script>', '\u202e', '\u0000', { $ref: '#' }, ['a'], 'FEDCBA9876543210FEDCBA9876543210', '2026-13-45T99:99:99Z'];
const oddKeys = ['__proto__', 'constructor', 'prototype', 'apiSecret', 'secret', 'x', '', ' apiKey', 'APIKEY', 'password', 'sk', 'checksum2'];
const oddText = ['\u0000', '\u0007', '\u202e', '\u2066', '\u200f', '\ufeff', '\ud800', '"', '\\', '}', '{', ',', '\n', '\u2028', '🔑'];

const resealed = (content: Record<string, unknown>) => {
  const copy = { ...content };
  delete copy.checksum;
  return JSON.stringify({ ...copy, checksum: checksumOf(copy as unknown as KeyFile) });
};

const mutations: Array<() => Uint8Array | string> = [
  () => {
    const bytes = new TextEncoder().encode(validText);
    bytes[int(bytes.length)] = int(256);
    return bytes;
  },
  () => {
    const at = int(validText.length);
    return validText.slice(0, at) + validText.slice(at + 1 + int(40));
  },
  () => {
    const at = int(validText.length);
    return validText.slice(0, at) + pick(oddText) + validText.slice(at);
  },
  () => validText.slice(0, int(validText.length)),
  () => JSON.stringify({ ...valid, [pick(fields)]: pick(oddValues) }),
  () => resealed({ ...valid, [pick(fields.filter((f) => f !== 'checksum'))]: pick(oddValues) }),
  () => {
    const copy: Record<string, unknown> = { ...valid };
    delete copy[pick(fields)];
    return int(2) ? resealed(copy) : JSON.stringify(copy);
  },
  () => resealed({ ...valid, [pick(oddKeys)]: pick(oddValues) }),
  () => validText.replace('{', `{"${pick(oddKeys)}": ${JSON.stringify(pick(oddValues))},`),
  () => validText.replace('"name"', '"name": "dup", "name"'),
  () => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(validText)]),
  () => new Uint8Array(Buffer.from(validText, int(2) ? 'utf16le' : 'latin1')),
  () => resealed({ ...valid, name: `pay${pick(oddText)}ments` }),
  () => resealed({ ...valid, description: `${'d'.repeat(int(300))}${pick(oddText)}` }),
  () => JSON.stringify({ ...valid, checksum: `sha256:${'0'.repeat(64)}` }),
  () => JSON.stringify([valid]),
  () => JSON.stringify({ file: valid }),
  () => resealed({ ...valid, version: pick([0, 2, 99, 1.5, -1, '1']) }),
  () => resealed({ ...valid, format: pick(['', 'gatekey', 'GATEKEY.APIKEY', 'gatekey.apisecret']) }),
  () => ' '.repeat(64 * 1024) + validText,
];

const variants: Uint8Array[] = [];
while (variants.length < 1200) {
  const variant = pick(mutations)();
  const bytes = typeof variant === 'string' ? new TextEncoder().encode(variant) : variant;
  // A mutation that happens to leave a valid file is not a malformed variant.
  if (!parseKeyFile(bytes).ok) variants.push(bytes);
}

let backend: TestBackend;
beforeAll(async () => {
  backend = await startTestBackend();
});
afterAll(() => backend.cleanup());

describe('fuzzing the importer', () => {
  it(`rejects all ${variants.length} malformed variants without a crash or a write`, async () => {
    const reasons = new Set<string>();
    for (const [index, bytes] of variants.entries()) {
      const candidate = index % 5 === 0
        ? { source: `v${index}`, kind: 'handoff' as const, text: `gatekey-apikey:${Buffer.from(bytes).toString('base64url')}` }
        : { source: `v${index}`, kind: 'file' as const, base64: Buffer.from(bytes).toString('base64') };
      const preview = await backend.api.keyFiles.previewImport({ candidates: [candidate] });
      const summary = await backend.api.keyFiles.import({ candidates: [candidate] });
      if (!preview.ok || !summary.ok) {
        // Far too large to be a key file: refused by the IPC schema before the importer sees it.
        for (const result of [preview, summary]) expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
        reasons.add('refused by the IPC schema');
        continue;
      }
      expect(preview.data).toEqual([{ source: `v${index}`, status: 'rejected', reason: expect.any(String) }]);
      expect(summary.data.created).toEqual([]);
      reasons.add(summary.data.rejected[0]!.reason.replace(/".*?"|\(.*?\)/g, ''));
    }
    await expect(stat(join(backend.dataDir, STORE_FILE_NAME))).rejects.toMatchObject({ code: 'ENOENT' });
    // The variants exercise many different checks, not one.
    expect(reasons.size).toBeGreaterThan(10);
  }, 120_000);
});
