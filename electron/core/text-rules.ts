import { z } from 'zod';

/**
 * Controls, format characters (bidi marks and overrides, zero-width ones) and
 * line/paragraph separators: they make text render differently from what it
 * contains (Trojan Source). One rule for every text field and for key files,
 * so whatever Gatekey exports it can import.
 */
export const unsafeCharacters = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

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
