/**
 * The renderer's Content-Security-Policy. The same string is in the meta tag of
 * renderer/index.html (a test keeps them equal); main also sends it as a
 * response header, as defence in depth. Nothing remote, nothing inline, no eval.
 * 'self' is the app://gatekey origin (app-protocol.ts), which serves the
 * renderer folder and nothing else: no other local file is in reach.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

export type ResponseHeaders = Record<string, string[]>;

/**
 * The response headers with our CSP in place of any other. Only app files
 * (app:, and file: should one ever be loaded) get it: DevTools and other
 * internal pages keep their own. The app:// handler also sets it itself.
 */
export function withCsp(url: string, headers: ResponseHeaders = {}): ResponseHeaders {
  if (!url.startsWith('app:') && !url.startsWith('file:')) return headers;
  const kept = Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'content-security-policy');
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] };
}
