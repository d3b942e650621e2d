import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from './csp';

// --- The app:// scheme ---

/**
 * The renderer is served from app://gatekey/ rather than file://: a page of
 * its own origin, so CSP 'self' means the app's files and nothing else on the
 * disk, and Electron's extra file: privileges can be fused off.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'gatekey';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Registered before 'ready': a standard, secure scheme (an origin, relative
 * URLs, same-origin module scripts) that fetch() may use. corsEnabled stays
 * unset on purpose: it would let other origins read app:// responses, and the
 * page's module scripts are same-origin, which needs no CORS privilege.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

/** The only kinds of file the built renderer has; anything else is not ours and is not served. */
const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

export const mimeTypeOf = (path: string): string | undefined => MIME_TYPES[extname(path).toLowerCase()];

// --- Request -> file ---

/**
 * The file under `root` that an app:// URL names, or undefined. Pure (no disk):
 * only app://gatekey/, no credentials or port, no `.` or `..` segment even
 * percent-encoded, no backslash or NUL, no unknown file type. "/" is the page.
 */
export function appRequestPath(url: string, root: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname !== APP_HOST || parsed.port || parsed.username || parsed.password) return undefined;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return undefined;
  }
  if (/[\\\0]/.test(pathname)) return undefined;
  const segments = pathname.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '.' || segment === '..')) return undefined;
  const file = resolve(root, ...(segments.length === 0 ? ['index.html'] : segments));
  if (!isInside(root, file) || mimeTypeOf(file) === undefined) return undefined;
  return file;
}

function isInside(root: string, file: string): boolean {
  const path = relative(resolve(root), file);
  return path !== '' && !path.startsWith(`..${sep}`) && path !== '..' && !isAbsolute(path);
}

/**
 * The file to serve, checked on disk: a regular file whose real path (all
 * symlinks followed) is still inside the real renderer folder.
 */
export async function resolveAppFile(url: string, root: string): Promise<string | undefined> {
  const file = appRequestPath(url, root);
  if (file === undefined) return undefined;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    if (!isInside(realRoot, realFile) || !(await stat(realFile)).isFile()) return undefined;
    return realFile;
  } catch {
    return undefined;
  }
}

// --- The protocol handler ---

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/** What protocol.handle('app', ...) answers: one of the renderer's files, or 404. Nothing is ever written. */
export async function serveAppRequest(request: Pick<Request, 'url' | 'method'>, root: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405 });
  const file = await resolveAppFile(request.url, root);
  const type = file === undefined ? undefined : mimeTypeOf(file);
  if (file === undefined || type === undefined) return notFound();
  const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(file));
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': type,
      // The same policy as the page's meta tag, as a header too.
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
  });
}
