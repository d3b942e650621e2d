import type { Session, WebContents } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/csp';
import { createFakeElectron, FakeWebContents } from './fake-electron';

// hardening.ts opens allowed links with Electron's shell. The Electron binary
// cannot be installed here (requiring the real package without it starts a
// download), so this Electron-only test mocks 'electron' with a shell whose
// openExternal only records what it was asked to open.
const shell = vi.hoisted(() => ({ openExternal: vi.fn(async (_url: string) => undefined) }));
vi.mock('electron', () => ({ shell }));

const { hardenSession, hardenWebContents } = await import('../../../electron/main/hardening');

function hardened({ packaged = true }: { packaged?: boolean } = {}): FakeWebContents {
  const contents = new FakeWebContents();
  hardenWebContents(contents as unknown as WebContents, { packaged });
  return contents;
}

/** A key press as Electron passes it to 'before-input-event'. */
const key = (key: string, modifiers: { control?: boolean; meta?: boolean; shift?: boolean; alt?: boolean } = {}) => ({
  type: 'keyDown',
  key,
  control: false,
  meta: false,
  shift: false,
  alt: false,
  ...modifiers,
});
const pressed = (contents: FakeWebContents, input: ReturnType<typeof key>) => {
  const event = { preventDefault: vi.fn() };
  contents.emit('before-input-event', event, input);
  return event.preventDefault.mock.calls.length > 0;
};

/** What Electron passes setWindowOpenHandler for a target=_blank link or window.open(url). */
const openDetails = (url: string, extra: Record<string, unknown> = {}) => ({ url, frameName: '', features: '', disposition: 'foreground-tab', referrer: { url: '', policy: 'strict-origin-when-cross-origin' }, ...extra });

/** A real click, as main sees it: input forwarded from the OS to the page. */
const click = (contents: FakeWebContents) => {
  contents.emit('input-event', {}, { type: 'mouseDown' });
  contents.emit('input-event', {}, { type: 'mouseUp' });
};

afterEach(() => {
  shell.openExternal.mockClear();
  vi.restoreAllMocks();
});

describe('hardenWebContents: navigation', () => {
  it('prevents navigation of the page and its frames, redirects and webviews', () => {
    const contents = hardened();
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      for (const url of ['https://attacker.example/', 'file:///etc/passwd', 'javascript:alert(1)']) {
        const event = { preventDefault: vi.fn(), url };
        contents.emit(name, event, url);
        expect(event.preventDefault, `${name} ${url}`).toHaveBeenCalledOnce();
      }
    }
  });

  it('never hands a navigation to the system browser, even right after a click', () => {
    const contents = hardened();
    click(contents);
    contents.emit('will-navigate', { preventDefault: vi.fn() }, 'https://example.com/');
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('hardenWebContents: new windows and external links', () => {
  it('denies every new window, whatever the URL and whether or not the user clicked', () => {
    const contents = hardened();
    for (const url of ['https://example.com/', 'http://example.com/', 'file:///etc/passwd', 'about:blank']) {
      expect(contents.windowOpenHandler?.(openDetails(url)), url).toEqual({ action: 'deny' });
      click(contents);
      expect(contents.windowOpenHandler?.(openDetails(url)), url).toEqual({ action: 'deny' });
    }
  });

  it('opens an https: link the user clicked in the system browser, once', () => {
    const contents = hardened();
    click(contents);
    expect(contents.windowOpenHandler?.(openDetails('https://docs.example.com/keys?x=1#top'))).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://docs.example.com/keys?x=1#top');
  });

  it('opens it for a middle-click or shift-click too (other dispositions)', () => {
    const contents = hardened();
    for (const disposition of ['background-tab', 'new-window']) {
      click(contents);
      contents.windowOpenHandler?.(openDetails('https://example.com/', { disposition }));
    }
    expect(shell.openExternal).toHaveBeenCalledTimes(2);
  });

  it('opens nothing without a click: window.open from script is refused', () => {
    const contents = hardened();
    contents.emit('input-event', {}, { type: 'mouseMove' });
    contents.windowOpenHandler?.(openDetails('https://example.com/'));
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('opens one link per click: a script cannot open a second on the same click', () => {
    const contents = hardened();
    click(contents);
    contents.windowOpenHandler?.(openDetails('https://example.com/one'));
    contents.windowOpenHandler?.(openDetails('https://example.com/two'));
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://example.com/one');
  });

  it('refuses http:, file:, javascript:, data: and custom schemes, even when clicked', () => {
    const contents = hardened();
    for (const url of ['http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,hi', 'ms-msdt:/id PCWDiagnostic', 'gatekey://x', 'smb://attacker.example/share']) {
      click(contents);
      expect(contents.windowOpenHandler?.(openDetails(url)), url).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('refuses a form posted to a new window', () => {
    const contents = hardened();
    click(contents);
    contents.windowOpenHandler?.(openDetails('https://example.com/', { postBody: { data: [], contentType: 'application/x-www-form-urlencoded' } }));
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('a failing system browser is logged without the URL, and nothing throws', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    shell.openExternal.mockRejectedValueOnce(new Error('no handler'));
    const contents = hardened();
    click(contents);
    expect(contents.windowOpenHandler?.(openDetails('https://example.com/?token=s3cret'))).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(warn).toHaveBeenCalledOnce());
    expect(JSON.stringify(warn.mock.calls)).not.toContain('s3cret');
  });
});

describe('hardenWebContents: no reload and no DevTools keys in packaged builds', () => {
  const devKeys = [
    key('F5'),
    key('r', { control: true }),
    key('R', { control: true, shift: true }),
    key('r', { meta: true }),
    key('F12'),
    key('I', { control: true, shift: true }),
    key('J', { control: true, shift: true }),
    key('C', { control: true, shift: true }),
    key('i', { meta: true, alt: true }),
  ];

  it('swallows Ctrl+R, F5, Ctrl+Shift+I and their kin before the page sees them', () => {
    const contents = hardened({ packaged: true });
    for (const input of devKeys) expect(pressed(contents, input), JSON.stringify(input)).toBe(true);
  });

  it('lets ordinary typing and editing keys through', () => {
    const contents = hardened({ packaged: true });
    for (const input of [key('r'), key('R', { shift: true }), key('c', { control: true }), key('v', { control: true }), key('i', { control: true }), key('Enter'), key('Escape'), { ...key('F5'), type: 'keyUp' }]) {
      expect(pressed(contents, input), JSON.stringify(input)).toBe(false);
    }
  });

  it('leaves the keys alone in development builds', () => {
    const contents = hardened({ packaged: false });
    for (const input of devKeys) expect(pressed(contents, input), JSON.stringify(input)).toBe(false);
  });
});

describe('hardenSession', () => {
  const hardenedSession = () => {
    const { defaultSession } = createFakeElectron({ userData: '/nonexistent' }).session;
    hardenSession(defaultSession as unknown as Session);
    return defaultSession;
  };

  it('refuses every permission request and check', () => {
    const session = hardenedSession();
    const onRequest = session.setPermissionRequestHandler.mock.calls[0]![0] as (wc: unknown, p: string, cb: (ok: boolean) => void, d: unknown) => void;
    const onCheck = session.setPermissionCheckHandler.mock.calls[0]![0] as (...args: unknown[]) => boolean;
    for (const permission of ['media', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'geolocation', 'openExternal', 'fullscreen', 'hid', 'serial', 'usb']) {
      const callback = vi.fn();
      onRequest({}, permission, callback, { requestingUrl: 'file:///app/index.html' });
      expect(callback, permission).toHaveBeenCalledExactlyOnceWith(false);
      expect(onCheck({}, permission, 'file://', {}), permission).toBe(false);
    }
  });

  it('sets the CSP header on app files', () => {
    const session = hardenedSession();
    const onHeaders = session.webRequest.onHeadersReceived.mock.calls[0]![0] as (d: { url: string; responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void;
    for (const url of ['app://gatekey/index.html', 'file:///app/index.html']) {
      const callback = vi.fn();
      onHeaders({ url, responseHeaders: { 'content-security-policy': ['default-src *'] } }, callback);
      expect(callback, url).toHaveBeenCalledExactlyOnceWith({ responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    }
  });
});
