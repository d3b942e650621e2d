import { handoffLines, MAX_IMPORT_ITEMS, MAX_KEY_FILE_BYTES, MAX_SOURCE_CHARS, TOO_BIG, TOO_MANY } from '../../electron/shared/key-files/import-rules';
import type { KeyCandidate } from '../../electron/shared/key-files/types';
import { truncateText } from '../../electron/shared/text-rules';

/**
 * Turning what the provider drops or pastes into import candidates. Nothing here
 * parses a key file: main checks every byte. This only refuses what must never be
 * read (too big) and packs the rest for the trip.
 */

// The limits and the handoff rule are main's own (a pure module both sides import).
export { HANDOFF_PREFIX, looksLikeHandoffText, MAX_IMPORT_ITEMS, MAX_KEY_FILE_BYTES } from '../../electron/shared/key-files/import-rules';

export interface Refusal {
  source: string;
  reason: string;
}

const sourceOf = (name: string) => truncateText(name, MAX_SOURCE_CHARS, '…') || 'Unnamed file';

/** Base64 in chunks: spreading a whole file into `String.fromCharCode` would overflow the stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  const CHUNK = 0x2000;
  let binary = '';
  for (let start = 0; start < bytes.length; start += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK));
  }
  return btoa(binary);
}

/** The part of a File the import needs: a name, a size, and a bounded slice of its bytes. */
export interface DroppedFile {
  name: string;
  size: number;
  slice(start?: number, end?: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

/** At most one byte past the limit, so a file that grew after its size was taken still cannot deliver more. */
async function boundedBytes(file: DroppedFile): Promise<Uint8Array | null> {
  const bytes = new Uint8Array(await file.slice(0, MAX_KEY_FILE_BYTES + 1).arrayBuffer());
  return bytes.length > MAX_KEY_FILE_BYTES ? null : bytes;
}

/** Reads dropped files into candidates; a file over 64 KiB is refused from its size alone, never read. */
export async function candidatesFromFiles(files: readonly DroppedFile[]): Promise<{ candidates: KeyCandidate[]; refused: Refusal[] }> {
  const candidates: KeyCandidate[] = [];
  const refused: Refusal[] = [];
  for (const [index, file] of files.entries()) {
    const source = sourceOf(file.name);
    if (index >= MAX_IMPORT_ITEMS) refused.push({ source, reason: TOO_MANY });
    else if (file.size > MAX_KEY_FILE_BYTES) refused.push({ source, reason: TOO_BIG });
    else {
      try {
        const bytes = await boundedBytes(file);
        if (bytes) candidates.push({ source, kind: 'file', base64: bytesToBase64(bytes) });
        else refused.push({ source, reason: TOO_BIG });
      } catch {
        // A dropped folder, or a file removed or changed meanwhile.
        refused.push({ source, reason: 'It could not be read (is it a folder?).' });
      }
    }
  }
  return { candidates, refused };
}

/**
 * One candidate per key in pasted handoff text, each put back together if chat or
 * e-mail wrapped or quoted it (the rule main applies too: `handoffLines`).
 */
export function candidatesFromHandoffText(value: string): { candidates: KeyCandidate[]; refused: Refusal[] } {
  const lines = handoffLines(value);
  const sourceFor = (index: number) => (lines.length === 1 ? 'Pasted handoff text' : `Pasted handoff text, item ${index + 1}`);
  return {
    candidates: lines.slice(0, MAX_IMPORT_ITEMS).map((text, index) => ({ source: sourceFor(index), kind: 'handoff', text })),
    refused: lines.slice(MAX_IMPORT_ITEMS).map((_, index) => ({ source: sourceFor(MAX_IMPORT_ITEMS + index), reason: TOO_MANY })),
  };
}
