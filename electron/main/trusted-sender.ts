import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The parts of an IpcMainInvokeEvent the check reads. */
export interface IpcSender {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

export interface TrustedWindow {
  /** webContents.id of the app window; undefined while there is none. */
  webContentsId: number | undefined;
  /** Absolute path of the renderer's index.html. */
  rendererIndex: string;
}

/**
 * The one place that decides whether an IPC message may reach the backend:
 * it must come from the app window's main frame, showing the app's own page.
 * Subframes, other web contents and any other URL are refused.
 */
export function isTrustedSender(event: IpcSender, trusted: TrustedWindow): boolean {
  if (trusted.webContentsId === undefined || event.sender.id !== trusted.webContentsId) return false;
  const frame = event.senderFrame;
  if (frame === null || frame.parent !== null) return false;
  const path = filePathOf(frame.url);
  return path !== undefined && relative(resolve(trusted.rendererIndex), resolve(path)) === '';
}

/** The local path of a file: URL (query and hash ignored), or undefined for anything else. */
function filePathOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'file:' || parsed.host !== '') return undefined;
    parsed.search = '';
    parsed.hash = '';
    return fileURLToPath(parsed);
  } catch {
    return undefined;
  }
}
