/**
 * Reading and writing files the user picked in main's dialogs. Core says what
 * it needs; the file adapter (adapters/files) does it with bounded,
 * no-follow reads and exclusive writes.
 */
export type ChosenFileRead = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

export interface ChosenFiles {
  /** At most `maxBytes`; a larger, special or unreadable file answers a reason (`tooBig` for size) instead. */
  read(path: string, maxBytes: number, tooBig: string): Promise<ChosenFileRead>;
  write(path: string, text: string): Promise<void>;
}
