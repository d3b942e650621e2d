import { APP_HOST, APP_SCHEME } from './app-protocol';

/** The parts of an IpcMainInvokeEvent the check reads. */
export interface IpcSender {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

export interface TrustedWindow {
  /** webContents.id of the app window; undefined while there is none. */
  webContentsId: number | undefined;
}

/**
 * The one place that decides whether an IPC message may reach the backend:
 * it must come from the app window's main frame, showing the app's own page
 * (app://gatekey/index.html). Subframes, other web contents and any other URL
 * (file:, http:, another app:// host or page) are refused.
 */
export function isTrustedSender(event: IpcSender, trusted: TrustedWindow): boolean {
  if (trusted.webContentsId === undefined || event.sender.id !== trusted.webContentsId) return false;
  const frame = event.senderFrame;
  if (frame === null || frame.parent !== null) return false;
  return isAppPage(frame.url);
}

/**
 * app://gatekey/index.html (query and hash ignored; escapes and dot segments as the browser resolves them).
 * Also decides where main's events may go, so both directions trust the same page.
 */
export function isAppPage(url: string): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || parsed.username || parsed.password) return false;
    return decodeURIComponent(parsed.pathname) === '/index.html';
  } catch {
    return false;
  }
}
