import { z } from 'zod';

// C0/C1 controls and the Unicode bidi embedding/override/isolate marks: they
// make text render differently from what it contains (Trojan Source).
const unsafeCharacters = /[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** Single-line free text: trimmed, bounded, no control or bidi characters. */
export function plainText(maxLength: number, label: string) {
  return z
    .string()
    .max(maxLength * 4, `${label} is too long.`)
    .transform((value) => value.trim())
    .pipe(
      z
        .string()
        .max(maxLength, `${label} can be at most ${maxLength} characters.`)
        .refine((value) => !unsafeCharacters.test(value), `${label} cannot contain control or direction-changing characters.`),
    );
}
