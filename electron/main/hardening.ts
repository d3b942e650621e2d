import { shell, type Session, type WebContents } from 'electron';
import { withCsp } from './csp';
import { isDevShortcut } from './dev-shortcuts';
import { isAllowedExternal, trackUserActivation } from './external-links';

// --- Every web contents: no navigation, no new windows, no webviews ---

/** Applied to each web contents as it is created (app 'web-contents-created'). */
export function hardenWebContents(contents: WebContents, { packaged }: { packaged: boolean }): void {
  // The app is one page (app://gatekey/index.html): any navigation away from it is an attack or a bug.
  // (Neither event fires for main's own loadURL() or for in-page #hash changes.)
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // Packaged builds: no reload, no DevTools, even by keyboard.
  if (packaged) {
    contents.on('before-input-event', (event, input) => {
      if (isDevShortcut(input)) event.preventDefault();
    });
  }
  const activation = trackUserActivation(contents);
  contents.setWindowOpenHandler((details) => {
    // Every window.open and target=_blank / middle-clicked link lands here. The app
    // never opens a window of its own; an https: link the user just clicked goes to
    // the system browser, anything else is dropped. Asking uses up the click either way.
    const clicked = activation.consume();
    if (clicked && details.postBody === undefined && isAllowedExternal(details.url)) openInBrowser(details.url);
    return { action: 'deny' };
  });
}

function openInBrowser(url: string): void {
  // Re-serialised by URL, so the browser gets exactly what isAllowedExternal checked.
  shell.openExternal(new URL(url).href).catch(() => {
    // Not the URL: it may carry tokens.
    console.warn('Gatekey: the system browser could not open a link');
  });
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
