import type { WebContents } from 'electron';

// --- Which links may leave the app ---

/** Longer URLs are refused: no legitimate link needs more, and some OS launchers mishandle them. */
const MAX_EXTERNAL_URL_LENGTH = 2048;

/**
 * The only links the system browser may be asked to open: https: with a host
 * and no user:password part. Everything else (http:, file:, javascript:, data:,
 * custom schemes that launch other apps, smb: shares) is refused.
 */
export function isAllowedExternal(url: string): boolean {
  if (url.length > MAX_EXTERNAL_URL_LENGTH) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
}

// --- Did the user just click or press a key? ---

/**
 * How long a click or key press lets one link open, and the input that counts:
 * the same lifespan and kinds of input as Chromium's transient user activation.
 */
export const USER_ACTIVATION_MS = 5000;
const ACTIVATING_INPUT = new Set(['mouseDown', 'mouseUp', 'rawKeyDown', 'keyDown', 'touchEnd', 'gestureTap']);

export interface UserActivation {
  /** True once per click or key press, within USER_ACTIVATION_MS of it. */
  consume(): boolean;
}

/**
 * Electron does not tell setWindowOpenHandler whether the user clicked, and
 * does not block script-opened popups as Chrome does (electron/electron#9973).
 * So main watches the real input it forwards to the page ('input-event': mouse,
 * keyboard, touch from the OS, which a compromised renderer cannot forge) and
 * lets each such input open at most one link. A compromised page could still
 * wait for the user's next click and open an https: page then; it cannot open
 * anything without one, or open two.
 */
export function trackUserActivation(contents: Pick<WebContents, 'on'>, now: () => number = Date.now): UserActivation {
  let activatedAt: number | undefined;
  contents.on('input-event', (_event, input) => {
    if (ACTIVATING_INPUT.has(input.type)) activatedAt = now();
  });
  return {
    consume() {
      const active = activatedAt !== undefined && now() - activatedAt <= USER_ACTIVATION_MS;
      activatedAt = undefined;
      return active;
    },
  };
}
