import { truncateText, unsafeCharacters } from '../text-rules';

/**
 * What may go into a signature's scope and headers, as pure functions shared
 * by the command line and Test Call (no Node imports, so the renderer may use
 * them too). Each rule answers what is wrong, in words that follow the
 * field's name ("--region …", "The region …") and by a stable id with the
 * values those words name (for a message catalog), or undefined when the
 * value is fine.
 *
 * Region, service and nonce end up inside header lines (Authorization,
 * x-jdcloud-nonce) and inside the curl command the preview prints: a line
 * break or control character there would add headers of the caller's choosing.
 */
export interface ValueProblem {
  /** Words that follow the field's name: "contains a line break; …". */
  words: string;
  /** Which problem it is: a message's `problem` param. */
  id: 'lineBreak' | 'controlCharacter' | 'notRegion' | 'notService' | 'nonceFormat' | 'dateFormat' | 'dateNotReal';
  /** The values the words name: the character (U+001B) or the value quoted. */
  params: { char?: string; value?: string };
}
export type Problem = ValueProblem | undefined;

const problem = (id: ValueProblem['id'], words: string, params: ValueProblem['params'] = {}): ValueProblem => ({ id, words, params });

/** JD Cloud region IDs: cn-north-1, cn-east-2, ap-southeast-1. */
const REGION = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** The service is a host's first label (an API group such as xv3xbwah945y) or a product name; `_` as in JD Cloud's own examples. */
const SERVICE = /^[a-z0-9][a-z0-9_-]{0,62}$/;
/** Printable ASCII without spaces; a UUID by default. */
const NONCE = /^[\x21-\x7e]{1,128}$/;

export const DATE_FORMAT = /^\d{8}T\d{6}Z$/;

/** Line breaks in any of their forms: CR, LF, NEL, line and paragraph separators. */
const LINE_BREAK = /[\r\n\x85\u2028\u2029]/;

/** The text with every control, format or separator character written as \u{…}, so a message can quote it without carrying it. */
export function visible(text: string, max = 80): string {
  const shown = text.replace(new RegExp(unsafeCharacters.source, 'gu'), (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`);
  return shown.length > max ? `${truncateText(shown, max)}…` : shown;
}

export const hasUnsafeCharacters = (text: string): boolean => unsafeCharacters.test(text);

/** Any control, format or separator character, named (U+001B) so the message never carries it. */
export function injectionProblem(text: string): Problem {
  if (LINE_BREAK.test(text)) return problem('lineBreak', 'contains a line break; that is refused (header injection)');
  const found = unsafeCharacters.exec(text);
  if (!found) return undefined;
  const char = `U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return problem('controlCharacter', `contains the control or direction-changing character ${char}; that is refused (header injection)`, { char });
}

export function regionProblem(region: string): Problem {
  if (hasUnsafeCharacters(region)) return injectionProblem(region);
  const value = region.slice(0, 80);
  if (!REGION.test(region)) return problem('notRegion', `"${value}" is not a region: lower-case letters, digits and "-", at most 64, such as cn-north-1`, { value });
  return undefined;
}

export function serviceProblem(service: string): Problem {
  if (hasUnsafeCharacters(service)) return injectionProblem(service);
  const value = service.slice(0, 80);
  if (!SERVICE.test(service)) return problem('notService', `"${value}" is not a service name: lower-case letters, digits, "-" and "_", at most 63, such as xv3xbwah945y`, { value });
  return undefined;
}

export function nonceProblem(nonce: string): Problem {
  if (hasUnsafeCharacters(nonce)) return injectionProblem(nonce);
  if (!NONCE.test(nonce)) return problem('nonceFormat', 'must be 1 to 128 printable ASCII characters without spaces');
  return undefined;
}

/**
 * `YYYYMMDDTHHMMSSZ` naming a moment that exists in UTC: the fields are read
 * and round-tripped through Date.UTC, which would roll month 13 or second 99
 * over into another date instead of refusing it.
 */
export function signingDateProblem(date: string): Problem {
  if (hasUnsafeCharacters(date)) return injectionProblem(date);
  if (!DATE_FORMAT.test(date)) return problem('dateFormat', 'must be YYYYMMDDTHHMMSSZ (UTC), such as 20261129T101010Z');
  const fields = [date.slice(0, 4), date.slice(4, 6), date.slice(6, 8), date.slice(9, 11), date.slice(11, 13), date.slice(13, 15)].map(Number) as [number, number, number, number, number, number];
  const [year, month, day, hour, minute, second] = fields;
  const moment = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const back = [moment.getUTCFullYear(), moment.getUTCMonth() + 1, moment.getUTCDate(), moment.getUTCHours(), moment.getUTCMinutes(), moment.getUTCSeconds()];
  // Date.UTC maps years 0-99 to 1900-1999, so those fail the round trip too.
  if (back.some((value, i) => value !== fields[i])) return problem('dateNotReal', `${date} is not a real UTC time (check the month, day, hour, minute and second)`, { value: date });
  return undefined;
}
