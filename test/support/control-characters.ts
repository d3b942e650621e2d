/**
 * One of each kind of character a header line must never carry: C0 (NUL,
 * TAB, CR, LF, ESC), DEL, C1 (NEL, CSI), line and paragraph separators, bidi
 * and zero-width controls.
 */
export const CONTROL_CHARACTERS = ['\0', '\t', '\r', '\n', '\x1b', '\x7f', '\x85', '\x9b', '\u2028', '\u2029', '\u202e', '\u2066', '\u200f', '\u061c', '\u200b'];

/** `U+000A` for a test's title. */
export const codePointName = (c: string): string => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
