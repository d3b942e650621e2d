import { createHash } from 'node:crypto';

/** The system clipboard, as main sees it (Electron's `clipboard` in the app). */
export interface Clipboard {
  readText(): Promise<string>;
  writeText(text: string): Promise<void>;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const SECRET_CLIPBOARD_SECONDS = 30;

const digest = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Copies secrets so that they do not linger: after the delay the clipboard is
 * cleared, but only if it still holds that secret (the user may have copied
 * something else meanwhile). Only a hash of the secret is kept for the check.
 */
export function createClipboardGuard(clipboard: Clipboard, timers: Timers = globalThis as Timers) {
  let pending: { handle: unknown; hash: string } | undefined;

  async function clearIfStillThere(hash: string): Promise<void> {
    try {
      if (digest(await clipboard.readText()) === hash) await clipboard.writeText('');
    } catch (error) {
      // Never the text itself: it may be the secret.
      console.error('Gatekey: could not clear the clipboard', error instanceof Error ? error.name : 'error');
    }
  }

  return {
    /** On quit: a secret still on the clipboard is cleared now rather than left behind. */
    async clearPendingSecret(): Promise<void> {
      if (!pending) return;
      timers.clearTimeout(pending.handle);
      const { hash } = pending;
      pending = undefined;
      await clearIfStillThere(hash);
    },
    copyText(text: string): Promise<void> {
      return clipboard.writeText(text);
    },
    async copySecret(secret: string): Promise<number> {
      if (pending) timers.clearTimeout(pending.handle);
      await clipboard.writeText(secret);
      const hash = digest(secret);
      const handle = timers.setTimeout(() => {
        pending = undefined;
        void clearIfStillThere(hash);
      }, SECRET_CLIPBOARD_SECONDS * 1000);
      pending = { handle, hash };
      return SECRET_CLIPBOARD_SECONDS;
    },
  };
}

export type ClipboardGuard = ReturnType<typeof createClipboardGuard>;
