import type { Input } from '../../../electron/ipc/contract';
export { scopeOfUrl } from '../../../electron/shared/signing/target-url';
import { MANUAL_CREDENTIALS, type PairRow, type TestCallDraft } from './test-call-slice';

export type TestCallInput = Input<'testCall.preview'>;

/** Methods whose requests carry no body here; the Body field is hidden for them. */
export const withoutBody = (method: string): boolean => method === 'GET' || method === 'HEAD';

const filled = (rows: PairRow[]) => rows.filter((row) => row.name !== '' || row.value !== '');

/** The URL with the query rows appended to whatever query it already has (before any #fragment). */
export function urlWithQuery(url: string, rows: PairRow[]): string {
  const pairs = filled(rows).map((row) => `${encodeURIComponent(row.name)}=${encodeURIComponent(row.value)}`);
  if (pairs.length === 0) return url.trim();
  const text = url.trim();
  const hash = text.indexOf('#');
  const [base, fragment] = hash < 0 ? [text, ''] : [text.slice(0, hash), text.slice(hash)];
  const joiner = !base.includes('?') ? '?' : /[?&]$/.test(base) ? '' : '&';
  return `${base}${joiner}${pairs.join('&')}${fragment}`;
}

/** The host of a URL as typed, or '' while it does not parse. */
export function hostOf(url: string): string {
  try {
    return new URL(url.trim()).host;
  } catch {
    return '';
  }
}

/** The URL with its scheme and host replaced by https://host (path and query kept when it parses). */
export function urlOnHost(url: string, host: string): string {
  try {
    const parsed = new URL(url.trim());
    return `https://${host}${parsed.pathname}${parsed.search}${parsed.hash}`;
  } catch {
    return `https://${host}/`;
  }
}

/** "a", "a and b", "a, b and c". */
export const joinAnd = (parts: string[]): string => (parts.length < 2 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`);

export type BuiltInput = { ok: true; input: TestCallInput } | { ok: false; missing: string[] };

/**
 * The previewTestCall/sendTestCall input for the form, or what is still missing.
 * `secret` is the manual APISecret from the screen's local state; it goes nowhere else.
 */
export function buildTestCallInput(draft: TestCallDraft, secret: string, knownKeyIds: ReadonlySet<string>): BuiltInput {
  const missing: string[] = [];
  let credentials: TestCallInput['credentials'] | undefined;
  if (draft.credential === MANUAL_CREDENTIALS) {
    if (draft.apiKey.trim() === '') missing.push('enter the APIKey');
    if (secret.trim() === '') missing.push('paste the APISecret');
    credentials = { kind: 'manual', apiKey: draft.apiKey, secret };
  } else if (knownKeyIds.has(draft.credential)) {
    credentials = { kind: 'stored', accessKeyId: draft.credential };
  } else {
    missing.push('choose an access key');
  }
  if (draft.url.trim() === '') missing.push('enter the URL');
  if (!credentials || missing.length > 0) return { ok: false, missing };

  const input: TestCallInput = {
    credentials,
    algorithm: draft.algorithm,
    method: draft.method,
    url: urlWithQuery(draft.url, draft.query),
    // Sent as typed: a line break pasted into a name or value must reach main to be refused, not be trimmed away.
    headers: filled(draft.headers).map((row) => [row.name, row.value]),
    body: withoutBody(draft.method) ? '' : draft.body,
  };
  if (draft.region.trim() !== '') input.region = draft.region.trim();
  if (draft.service.trim() !== '') input.service = draft.service.trim();
  return { ok: true, input };
}

/** The body as shown: pretty-printed when it is JSON, as received otherwise. */
export function prettyBody(body: string): { text: string; json: boolean } {
  const trimmed = body.trim();
  if (!/^[[{"]|^-?\d|^(true|false|null)$/.test(trimmed)) return { text: body, json: false };
  try {
    return { text: JSON.stringify(JSON.parse(trimmed), null, 2), json: true };
  } catch {
    return { text: body, json: false };
  }
}

export type StatusClass = 'success' | 'redirect' | 'error' | 'info';

export const statusClass = (status: number): StatusClass =>
  status >= 200 && status < 300 ? 'success' : status >= 300 && status < 400 ? 'redirect' : status >= 400 ? 'error' : 'info';
