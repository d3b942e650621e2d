import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { hardenSession, hardenWebContents } from '../../../electron/main/hardening';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/csp';
import { createFakeElectron, FakeWebContents } from './fake-electron';

// hardening.ts only imports types from 'electron': no mock, just fakes passed in.

describe('hardenWebContents', () => {
  it('prevents navigation, redirects and webviews, and denies window.open', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as unknown as WebContents);
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = { preventDefault: vi.fn() };
      contents.emit(name, event, 'https://attacker.example/');
      expect(event.preventDefault, name).toHaveBeenCalledOnce();
    }
    expect(contents.windowOpenHandler?.({ url: 'https://attacker.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
  });
});

describe('hardenSession', () => {
  it('denies every permission and sets the CSP header', () => {
    const { defaultSession } = createFakeElectron({ userData: '/nonexistent' }).session;
    hardenSession(defaultSession as unknown as Session);

    const onRequest = defaultSession.setPermissionRequestHandler.mock.calls[0]![0] as (wc: unknown, p: string, cb: (ok: boolean) => void) => void;
    const callback = vi.fn();
    onRequest({}, 'media', callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);

    const onCheck = defaultSession.setPermissionCheckHandler.mock.calls[0]![0] as (...args: unknown[]) => boolean;
    expect(onCheck({}, 'notifications', 'file://', {})).toBe(false);

    const onHeaders = defaultSession.webRequest.onHeadersReceived.mock.calls[0]![0] as (d: { url: string }, cb: (r: unknown) => void) => void;
    const headersCallback = vi.fn();
    onHeaders({ url: 'file:///app/index.html' }, headersCallback);
    expect(headersCallback).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
});
