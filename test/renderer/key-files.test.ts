import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bytesToBase64, candidatesFromFiles, candidatesFromHandoffText, MAX_IMPORT_ITEMS } from '../../renderer/src/key-files';

describe('renderer key-file helpers', () => {
  it('base64-encodes in chunks, matching Node for sizes around the chunk boundary and at 64 KiB', () => {
    for (const size of [0, 1, 2, 3, 8191, 8192, 8193, 64 * 1024]) {
      const bytes = new Uint8Array(randomBytes(size));
      expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });

  it('refuses files past the import limit without reading them', async () => {
    let reads = 0;
    const files = Array.from({ length: MAX_IMPORT_ITEMS + 2 }, (_, n) => ({
      name: `k${n}.gatekey.json`,
      size: 2,
      arrayBuffer: async () => {
        reads += 1;
        return new Uint8Array([123, 125]).buffer;
      },
    }));
    const { candidates, refused } = await candidatesFromFiles(files);
    expect(candidates).toHaveLength(MAX_IMPORT_ITEMS);
    expect(refused.map((r) => r.source)).toEqual([`k${MAX_IMPORT_ITEMS}.gatekey.json`, `k${MAX_IMPORT_ITEMS + 1}.gatekey.json`]);
    expect(reads).toBe(MAX_IMPORT_ITEMS);
  });

  it('reports a file that cannot be read instead of failing the import', async () => {
    const folder = { name: 'a-folder', size: 0, arrayBuffer: () => Promise.reject(new Error('NotReadableError')) };
    expect(await candidatesFromFiles([folder])).toEqual({ candidates: [], refused: [{ source: 'a-folder', reason: 'It could not be read (is it a folder?).' }] });
  });

  it('makes one candidate per pasted line', () => {
    expect(candidatesFromHandoffText('\n gatekey-apikey:AAA \r\n\ngatekey-apikey:BBB\n').candidates).toEqual([
      { source: 'Pasted handoff text, line 1', kind: 'handoff', text: 'gatekey-apikey:AAA' },
      { source: 'Pasted handoff text, line 2', kind: 'handoff', text: 'gatekey-apikey:BBB' },
    ]);
  });
});
