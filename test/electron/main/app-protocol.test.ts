import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_INDEX_URL, APP_SCHEME_PRIVILEGES, appRequestPath, resolveAppFile, serveAppRequest } from '../../../electron/main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/csp';

// Real files in a temp folder: a built renderer, and beside it what must never be served.
let base: string;
let root: string;
const SECRET = 'not-for-the-page-4f1c';

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'gatekey-app-protocol-'));
  root = join(base, 'dist', 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Gatekey</title>');
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(join(root, 'assets', 'logo.svg'), '<svg/>');
  await writeFile(join(root, 'assets', 'notes.exe'), 'MZ');
  await mkdir(join(root, 'assets', 'folder.js'));
  await writeFile(join(base, 'secret.json'), `{"apiSecret":"${SECRET}"}`);
  await writeFile(join(base, 'dist', 'main.js'), SECRET);
  // Symlinks planted inside the renderer folder: one escapes it, one stays inside.
  await symlink(join(base, 'secret.json'), join(root, 'assets', 'escape.json'));
  await symlink(base, join(root, 'up'));
  await symlink(join(root, 'assets', 'index-abc.js'), join(root, 'alias.js'));
}, 60_000);

afterAll(() => rm(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => serveAppRequest({ url, method }, root);

describe('the app:// scheme', () => {
  it('is registered standard and secure, with fetch, and the window loads app://gatekey/index.html', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } });
    expect(APP_INDEX_URL).toBe('app://gatekey/index.html');
  });
});

describe('appRequestPath (pure)', () => {
  it('maps app://gatekey/ paths to files under the renderer folder, "/" to index.html', () => {
    expect(appRequestPath('app://gatekey/index.html', root)).toBe(join(root, 'index.html'));
    expect(appRequestPath('app://gatekey/', root)).toBe(join(root, 'index.html'));
    expect(appRequestPath('app://gatekey/assets/index-abc.js?v=1#x', root)).toBe(join(root, 'assets', 'index-abc.js'));
  });

  it('refuses other hosts, schemes, ports and credentials', () => {
    for (const url of ['app://evil/index.html', 'app://gatekey.evil/index.html', 'file:///etc/passwd', 'https://gatekey/index.html', 'app://gatekey:81/index.html', 'app://u:p@gatekey/index.html', 'app:index.html', 'not a url']) {
      expect(appRequestPath(url, root), url).toBeUndefined();
    }
  });

  it('refuses path traversal, plain or encoded, backslashes and NUL', () => {
    for (const url of [
      'app://gatekey/..%2fsecret.json',
      'app://gatekey/%2e%2e%2fsecret.json',
      'app://gatekey/assets/%2E%2E%2F%2E%2E%2Fsecret.json',
      'app://gatekey/..%5csecret.json',
      'app://gatekey/assets%5c..%5c..%5csecret.json',
      'app://gatekey/index.html%00.js',
      'app://gatekey/%',
    ]) {
      expect(appRequestPath(url, root), url).toBeUndefined();
    }
    // Dot segments the URL parser resolves itself stay inside the folder.
    expect(appRequestPath('app://gatekey/../../secret.json', root)).toBe(join(root, 'secret.json'));
    expect(appRequestPath('app://gatekey/%2e%2e/%2e%2e/index.html', root)).toBe(join(root, 'index.html'));
  });

  it('refuses file types the renderer does not have', () => {
    expect(appRequestPath('app://gatekey/assets/notes.exe', root)).toBeUndefined();
    expect(appRequestPath('app://gatekey/assets', root)).toBeUndefined();
  });
});

describe('resolveAppFile (real files)', () => {
  it('refuses a symlink that leads out of the renderer folder', async () => {
    expect(await resolveAppFile('app://gatekey/assets/escape.json', root)).toBeUndefined();
    expect(await resolveAppFile('app://gatekey/up/secret.json', root)).toBeUndefined();
    expect(await resolveAppFile('app://gatekey/up/dist/main.js', root)).toBeUndefined();
  });

  it('follows a symlink that stays inside, and refuses folders and missing files', async () => {
    expect(await resolveAppFile('app://gatekey/alias.js', root)).toMatch(/assets[\\/]index-abc\.js$/);
    expect(await resolveAppFile('app://gatekey/assets/folder.js', root)).toBeUndefined();
    expect(await resolveAppFile('app://gatekey/missing.js', root)).toBeUndefined();
  });
});

describe('serveAppRequest', () => {
  it('serves the page with its MIME type and the CSP header', async () => {
    const response = await get('app://gatekey/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Gatekey</title>');
  });

  it('serves scripts, styles and images with the right types', async () => {
    const types = await Promise.all(['assets/index-abc.js', 'assets/index-abc.css', 'assets/logo.svg'].map(async (path) => (await get(`app://gatekey/${path}`)).headers.get('content-type')));
    expect(types).toEqual(['text/javascript; charset=utf-8', 'text/css; charset=utf-8', 'image/svg+xml']);
  });

  it('answers 404 for anything outside, never its content', async () => {
    for (const url of ['app://gatekey/assets/escape.json', 'app://gatekey/%2e%2e%2fsecret.json', 'app://gatekey/..%2f..%2fmain.js', 'app://gatekey/up/secret.json', 'app://other/index.html', 'app://gatekey/missing.html']) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain(SECRET);
    }
  });

  it('answers HEAD without a body and refuses writes', async () => {
    const head = await get('app://gatekey/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('app://gatekey/index.html', 'POST')).status).toBe(405);
    expect((await get('app://gatekey/index.html', 'PUT')).status).toBe(405);
  });
});
