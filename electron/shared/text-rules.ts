import { z } from 'zod';

/**
 * Half of a surrogate pair on its own (`\uD800` written as a JSON escape decodes
 * to one): not a character at all, and it turns into U+FFFD or an encoding error
 * wherever the text goes next. Under the `u` flag only unpaired halves match.
 */
export const loneSurrogate = /\p{Cs}/u;

/**
 * Controls, format characters (bidi marks and overrides, zero-width ones),
 * line/paragraph separators and lone surrogates: they make text render
 * differently from what it contains (Trojan Source) or break it on the way.
 * One rule for every text field and for key files, so whatever Gatekey exports
 * it can import.
 */
export const unsafeCharacters = /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/u;

/** Single-line free text: trimmed, bounded, no control or bidi characters. Custom checks name their field reason (error-reasons) in `params`. */
export function plainText(maxLength: number, label: string) {
  return z
    .string()
    .max(maxLength * 4, `${label} is too long.`)
    .transform((value) => value.trim())
    .pipe(
      z
        .string()
        .max(maxLength, `${label} can be at most ${maxLength} characters.`)
        .refine((value) => !loneSurrogate.test(value), { message: `${label} contains a broken character (half of a surrogate pair).`, params: { reason: 'brokenCharacter' } })
        .refine((value) => !unsafeCharacters.test(value), { message: `${label} cannot contain control or direction-changing characters.`, params: { reason: 'unsafeCharacters' } }),
    );
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * At most `maxLength` UTF-16 units (what the length rules count), cut between
 * graphemes: never half a surrogate pair, never a letter without its accent or
 * a flag without its second half.
 */
export function truncateText(value: string, maxLength: number, ellipsis = ''): string {
  if (value.length <= maxLength) return value;
  const room = maxLength - ellipsis.length;
  let end = 0;
  for (const { segment } of graphemes.segment(value)) {
    if (end + segment.length > room) break;
    end += segment.length;
  }
  return `${value.slice(0, end)}${ellipsis}`;
}
