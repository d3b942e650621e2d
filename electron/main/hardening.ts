import type { Session, WebContents } from 'electron';
import { withCsp } from './csp';

// --- Every web contents: no navigation, no new windows, no webviews ---

/** Applied to each web contents as it is created (app 'web-contents-created'). */
export function hardenWebContents(contents: WebContents): void {
  // The app is one page from disk: any navigation away from it is an attack or a bug.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

// --- The session: no permissions, CSP header on app files ---

export function hardenSession(session: Session): void {
  // Gatekey needs no camera, notifications, clipboard-read, etc.: refuse every request and check.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  // Defence in depth: renderer/index.html already carries the same policy as a meta tag.
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.url, details.responseHeaders) });
  });
}
