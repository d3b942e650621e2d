/**
 * Import limits and the handoff-text rule, shared by main and the renderer.
 * Pure: no Node or DOM imports, so both sides run the very same code.
 */

/** Key files are under 1 KiB; anything larger is refused, and never read past this. */
export const MAX_KEY_FILE_BYTES = 64 * 1024;
/** What one import takes, however the items arrive (chosen, dropped, pasted). */
export const MAX_IMPORT_ITEMS = 200;
/** The longest name an item is shown by (a file name, "Pasted handoff text, item 12"); longer ones are cut. */
export const MAX_SOURCE_CHARS = 255;
/** One item of pasted handoff text: a key is a few hundred characters, so this only bounds the work. */
export const MAX_HANDOFF_TEXT_CHARS = 100 * 1024;
export const HANDOFF_PREFIX = 'gatekey-apikey:';

export const TOO_BIG = `It is larger than ${MAX_KEY_FILE_BYTES / 1024} KiB; a key file is under 1 KiB.`;
export const TOO_MANY = `Only ${MAX_IMPORT_ITEMS} items can be imported at once; import the rest separately.`;

/** Indentation and e-mail quote markers (`> `, `>> `, `> > `) in front of a line. */
const QUOTE_MARKERS = /^[\s>]+/u;
const BASE64URL_ONLY = /^[A-Za-z0-9_-]+$/;

/** A line as its author wrote it: without the quoting and indentation a mail or chat client added. */
const unquoted = (line: string): string => line.replace(QUOTE_MARKERS, '').trim();

/** Whether pasted text is handoff text rather than an identifier, even when it arrives quoted. */
export const looksLikeHandoffText = (value: string): boolean => unquoted(value).startsWith(HANDOFF_PREFIX);

/**
 * The handoff lines in pasted text, each put back together after chat or
 * e-mail wrapped it: a line starting with the prefix begins a key, and the
 * lines after it that hold only base64url continue it, until a blank line or
 * the next prefix. Any other non-empty line is kept as an item of its own, so
 * the import can say why it is not a key rather than dropping it silently.
 */
export function handoffLines(text: string): string[] {
  const items: string[] = [];
  let continuing = false;
  for (const line of text.split(/\r\n|\r|\n/).map(unquoted)) {
    if (line === '') {
      continuing = false;
    } else if (line.startsWith(HANDOFF_PREFIX)) {
      items.push(line.replace(/\s+/gu, ''));
      continuing = true;
    } else if (continuing && BASE64URL_ONLY.test(line.replace(/\s+/gu, ''))) {
      items[items.length - 1] += line.replace(/\s+/gu, '');
    } else {
      items.push(line);
      continuing = false;
    }
  }
  return items;
}
