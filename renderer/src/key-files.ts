import type { KeyCandidate } from '../../electron/core/key-files/types';

/**
 * Turning what the provider drops or pastes into import candidates. Nothing here
 * parses a key file: main checks every byte. This only refuses what must never be
 * read (too big) and packs the rest for the trip.
 */

/** Key files are under 1 KiB; anything larger is refused before it is read. */
export const MAX_KEY_FILE_BYTES = 64 * 1024;
/** What main accepts in one import. */
export const MAX_IMPORT_ITEMS = 200;
export const HANDOFF_PREFIX = 'gatekey-apikey:';
const MAX_SOURCE = 255;

export interface Refusal {
  source: string;
  reason: string;
}

const TOO_BIG = `It is larger than ${MAX_KEY_FILE_BYTES / 1024} KiB; a key file is under 1 KiB.`;
const TOO_MANY = `Only ${MAX_IMPORT_ITEMS} items can be imported at once; import the rest separately.`;

const sourceOf = (name: string) => (name.length > MAX_SOURCE ? `${name.slice(0, MAX_SOURCE - 1)}…` : name) || 'Unnamed file';

/** Base64 in chunks: spreading a whole file into `String.fromCharCode` would overflow the stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  const CHUNK = 0x2000;
  let binary = '';
  for (let start = 0; start < bytes.length; start += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK));
  }
  return btoa(binary);
}

/** The part of a File the import needs: a name, a size, and its bytes on request. */
export type DroppedFile = Pick<File, 'name' | 'size' | 'arrayBuffer'>;

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
        candidates.push({ source, kind: 'file', base64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) });
      } catch {
        // A dropped folder, or a file removed meanwhile.
        refused.push({ source, reason: 'It could not be read (is it a folder?).' });
      }
    }
  }
  return { candidates, refused };
}

/** Whether pasted text is handoff text (one line per key) rather than an identifier. */
export const looksLikeHandoffText = (value: string): boolean => value.trimStart().startsWith(HANDOFF_PREFIX);

/** One candidate per non-empty line of pasted handoff text. */
export function candidatesFromHandoffText(value: string): { candidates: KeyCandidate[]; refused: Refusal[] } {
  const lines = value.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  const sourceFor = (index: number) => (lines.length === 1 ? 'Pasted handoff text' : `Pasted handoff text, line ${index + 1}`);
  return {
    candidates: lines.slice(0, MAX_IMPORT_ITEMS).map((text, index) => ({ source: sourceFor(index), kind: 'handoff', text })),
    refused: lines.slice(MAX_IMPORT_ITEMS).map((_, index) => ({ source: sourceFor(MAX_IMPORT_ITEMS + index), reason: TOO_MANY })),
  };
}
