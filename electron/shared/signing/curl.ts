/**
 * The curl command Test Call shows and `gatekey sign --curl` prints. People
 * paste it into a shell or pipe it to `sh`, so every argument that comes from
 * input is quoted: inside single quotes a POSIX shell expands nothing, and a
 * `'` in the text is closed, escaped and reopened.
 */
export const shellQuote = (value: string): string => `'${value.replace(/'/g, `'\\''`)}'`;

/** Left bare only when no shell gives any of its characters a meaning (as Python's shlex.quote). */
export const shellWord = (value: string): string => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : shellQuote(value));

export interface CurlParts {
  method: string;
  url: string;
  /** Sent as they are; Host is left out (curl derives it from the URL). */
  headers: ReadonlyArray<readonly [string, string]>;
  body: string;
}

export function curlCommand({ method, url, headers, body }: CurlParts): string {
  return [
    // An HTTP method may contain ` $ | & ' and more (all token characters), so it is quoted like the rest.
    `curl -sS -X ${shellWord(method)} ${shellQuote(url)}`,
    ...headers.filter(([name]) => name.toLowerCase() !== 'host').map(([name, value]) => `-H ${shellQuote(`${name}: ${value}`)}`),
    ...(body === '' ? [] : [`--data-raw ${shellQuote(body)}`]),
  ].join(' \\\n  ');
}
