import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, withCsp } from '../../../electron/main/csp';

const rendererIndex = fileURLToPath(new URL('../../../renderer/index.html', import.meta.url));

const directives = (policy: string) =>
  new Map(policy.split(';').map((part) => part.trim()).filter(Boolean).map((part) => {
    const [name = '', ...sources] = part.split(/\s+/);
    return [name, sources] as const;
  }));

describe('the renderer CSP', () => {
  it('allows nothing inline, no eval and no remote origin', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*/);
  });

  it('denies by default and closes what default-src does not cover', () => {
    const policy = directives(CONTENT_SECURITY_POLICY);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
  });

  it('is the same policy as the meta tag in renderer/index.html', () => {
    expect(existsSync(rendererIndex), `${rendererIndex} does not exist yet`).toBe(true);
    const html = readFileSync(rendererIndex, 'utf8');
    const meta = /<meta\s+http-equiv=(["'])Content-Security-Policy\1\s+content=(["'])(.*?)\2/is.exec(html);
    expect(meta, 'no CSP meta tag in renderer/index.html').not.toBeNull();
    expect(directives(meta![3]!)).toEqual(directives(CONTENT_SECURITY_POLICY));
  });
});

describe('withCsp', () => {
  it('replaces any CSP header of an app file with ours, keeping other headers', () => {
    const headers = withCsp('file:///app/dist/renderer/index.html', { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] });
    expect(headers).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('covers the app:// page the window loads', () => {
    expect(withCsp('app://gatekey/index.html', { 'Content-Security-Policy': ['default-src *'] })).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('adds the header when there were none', () => {
    expect(withCsp('file:///app/dist/renderer/index.html')).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('leaves non-file responses (DevTools, internal pages) alone', () => {
    const headers = { 'Content-Security-Policy': ["default-src 'self'"] };
    expect(withCsp('devtools://devtools/bundled/devtools_app.html', headers)).toBe(headers);
  });
});
