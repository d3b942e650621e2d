import { z } from 'zod';
import { checksumOf } from './format';
import { keyFileSchema, KEY_FILE_FORMAT, KEY_FILE_VERSION, type KeyFile } from '../../shared/key-files/format';
import { HANDOFF_PREFIX, handoffLines, MAX_KEY_FILE_BYTES, TOO_BIG } from '../../shared/key-files/import-rules';
import { scanJson } from '../../shared/key-files/json-scan';

export type KeyFileResult = { ok: true; file: KeyFile } | { ok: false; reason: string };

const NEVER_A_SECRET = 'Key files must never carry a secret: this one has a field that looks like one, so it was refused. Ask the caller to export it again from Gatekey.';
const SECRET_NAME = /secret|password|passwd|private|credential|^sk$|token/i;
const SECRET_PREFIX = /^(apisecret|sk)[-_]?/i;

/** A key file is flat (depth 1); its nesting is checked before anything walks it. */
const MAX_NESTING = 16;

/**
 * Every key anywhere in the JSON, to catch prototype keys and secret-looking fields wherever they hide.
 * Recursive: only ever called on JSON whose depth `scanJson` has bounded.
 */
function* keysIn(value: unknown): Generator<string> {
  if (Array.isArray(value)) for (const item of value) yield* keysIn(item);
  else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      yield key;
      yield* keysIn((value as Record<string, unknown>)[key]);
    }
  }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `it has fields a key file does not have (${issue.keys.join(', ')})`;
  const field = issue.path.join('.') || 'the file';
  if (issue.code === 'invalid_type' && issue.input === undefined) return `the field "${field}" is missing`;
  return `the field "${field}" ${issue.message.startsWith('Invalid') ? `is wrong (${issue.message})` : issue.message}`;
}

/**
 * Reads a key file, trusting nothing: size, encoding, JSON, shape, version,
 * checksum. Never throws; every refusal comes with the reason in words.
 */
export function parseKeyFile(bytes: Uint8Array): KeyFileResult {
  const fail = (reason: string): KeyFileResult => ({ ok: false, reason });
  if (bytes.byteLength > MAX_KEY_FILE_BYTES) return fail(TOO_BIG);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return fail('It starts with a UTF-8 byte-order mark; it was not written by Gatekey or was re-saved by an editor.');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || bytes.includes(0)) return fail('It is not UTF-8 text (it looks like UTF-16 or binary).');
  let textContent: string;
  try {
    textContent = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('It is not valid UTF-8 text.');
  }
  const scan = scanJson(textContent);
  if (scan.depth > MAX_NESTING) return fail(`It is nested too deep (${scan.depth} levels of brackets); a key file has one.`);
  let json: unknown;
  try {
    json = JSON.parse(textContent);
  } catch {
    return fail('It is not JSON; it may be truncated or not a key file.');
  }
  if (scan.duplicateName !== undefined) {
    return fail(`It names the field "${scan.duplicateName}" twice; which one counts depends on the reader, so it was refused.`);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return fail('It is not a key file (its top level is not an object).');
  const keys = [...keysIn(json)];
  if (keys.some((key) => key === '__proto__' || key === 'constructor' || key === 'prototype')) return fail('It contains a "__proto__", "constructor" or "prototype" field, which a key file never has.');
  if (keys.some((key) => SECRET_NAME.test(key) || SECRET_PREFIX.test(key))) return fail(NEVER_A_SECRET);
  const record = json as Record<string, unknown>;
  if (record.format !== KEY_FILE_FORMAT) return fail('It is not a Gatekey key file (unknown "format").');
  if (typeof record.version === 'number' && record.version > KEY_FILE_VERSION) return fail(`It was made by a newer Gatekey (key file version ${record.version}); update Gatekey to import it.`);
  const parsed = keyFileSchema.safeParse(json);
  if (!parsed.success) return fail(`It is damaged or not a key file: ${describeIssue(parsed.error.issues[0]!)}.`);
  const { checksum, ...content } = parsed.data;
  if (checksumOf(content) !== checksum) return fail('Its checksum does not match its content: it was edited or damaged after export.');
  return { ok: true, file: parsed.data };
}

/**
 * Reads the handoff text of one key, pasted from a chat or an e-mail: line
 * breaks, indentation and `>` quote markers that the way added are dropped
 * (the same rule the renderer uses to split a paste into keys).
 */
export function parseHandoffText(pasted: string): KeyFileResult {
  const lines = handoffLines(pasted);
  if (lines.length > 1) return { ok: false, reason: 'This text holds more than one line of handoff text; import them as separate items.' };
  const line = lines[0] ?? '';
  if (!line.startsWith(HANDOFF_PREFIX)) return { ok: false, reason: `Handoff text starts with "${HANDOFF_PREFIX}".` };
  const payload = line.slice(HANDOFF_PREFIX.length);
  if (!/^[A-Za-z0-9_-]+$/.test(payload)) return { ok: false, reason: 'The handoff text is damaged (it has characters base64url does not use).' };
  return parseKeyFile(Buffer.from(payload, 'base64url'));
}
