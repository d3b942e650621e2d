import { Blob, File } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bytesToBase64, candidatesFromFiles, candidatesFromHandoffText, looksLikeHandoffText, MAX_IMPORT_ITEMS } from '../../renderer/src/key-files';

// jsdom's Blob has no arrayBuffer(); Node's is the same Web API Chromium gives the page.
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
      slice: () => {
        reads += 1;
        return new Blob([new Uint8Array([123, 125])]);
      },
    }));
    const { candidates, refused } = await candidatesFromFiles(files);
    expect(candidates).toHaveLength(MAX_IMPORT_ITEMS);
    expect(refused.map((r) => r.source)).toEqual([`k${MAX_IMPORT_ITEMS}.gatekey.json`, `k${MAX_IMPORT_ITEMS + 1}.gatekey.json`]);
    expect(reads).toBe(MAX_IMPORT_ITEMS);
  });

  it('reports a file that cannot be read instead of failing the import', async () => {
    const unreadable = new Blob([]);
    unreadable.arrayBuffer = () => Promise.reject(new Error('NotReadableError'));
    const folder = { name: 'a-folder', size: 0, slice: () => unreadable };
    expect(await candidatesFromFiles([folder])).toEqual({ candidates: [], refused: [{ source: 'a-folder', reason: 'It could not be read (is it a folder?).' }] });
  });

  it('reads at most one byte past the limit of a file that grew after its size was taken', async () => {
    // A File whose size was 2 when dropped but whose bytes are now 2 MiB.
    const grown = new File([new Uint8Array(2 * 1024 * 1024)], 'grown.gatekey.json');
    let asked = -1;
    const stale = {
      name: grown.name,
      size: 2,
      slice: (start?: number, end?: number) => {
        asked = (end ?? grown.size) - (start ?? 0);
        return grown.slice(start, end);
      },
    };
    expect(await candidatesFromFiles([stale])).toEqual({ candidates: [], refused: [{ source: 'grown.gatekey.json', reason: expect.stringMatching(/larger than 64 KiB/) }] });
    expect(asked).toBe(64 * 1024 + 1);
  });

  it('makes one candidate per pasted key', () => {
    expect(candidatesFromHandoffText('\n gatekey-apikey:AAA \r\n\ngatekey-apikey:BBB\n').candidates).toEqual([
      { source: 'Pasted handoff text, item 1', kind: 'handoff', text: 'gatekey-apikey:AAA' },
      { source: 'Pasted handoff text, item 2', kind: 'handoff', text: 'gatekey-apikey:BBB' },
    ]);
  });

  it('puts keys back together that chat or e-mail wrapped, quoted and indented', () => {
    const pasted = [
      'Here are the keys:',
      '> gatekey-apikey:AAAA',
      '>   BBBB',
      '> > CC-_',
      '',
      '  gatekey-apikey:DDDD\r',
      '\tEEEE',
      'thanks!',
    ].join('\n');
    expect(candidatesFromHandoffText(pasted).candidates.map((candidate) => candidate.kind === 'handoff' && candidate.text)).toEqual([
      'Here are the keys:',
      'gatekey-apikey:AAAABBBBCC-_',
      'gatekey-apikey:DDDDEEEE',
      'thanks!',
    ]);
    expect(looksLikeHandoffText('> > gatekey-apikey:AAAA')).toBe(true);
    expect(looksLikeHandoffText('a280dc988b22')).toBe(false);
  });

  it('previews the first 200 pasted keys and refuses the rest', () => {
    const { candidates, refused } = candidatesFromHandoffText(Array.from({ length: 203 }, (_, n) => `gatekey-apikey:K${n}`).join('\n'));
    expect(candidates).toHaveLength(MAX_IMPORT_ITEMS);
    expect(refused.map((r) => r.source)).toEqual(['Pasted handoff text, item 201', 'Pasted handoff text, item 202', 'Pasted handoff text, item 203']);
  });
});
