import { useEffect, useLayoutEffect, useRef } from 'react';

export interface Shortcut {
  /** `KeyboardEvent.key`, compared case-insensitively. */
  key: string;
  /** Ctrl on Windows/Linux, Cmd on macOS. */
  mod?: boolean;
  /** Whether the shortcut may fire while the user is typing in a field. */
  whileTyping?: boolean;
}

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/** While a modal dialog is open, shortcuts for the page behind it stay quiet. */
const modalOpen = (): boolean => document.querySelector('dialog[open]') !== null;

/** Calls `handler` on a window-wide key press; the default browser action is prevented. */
export function useKeyboardShortcut({ key, mod = false, whileTyping = false }: Shortcut, handler: () => void, enabled = true): void {
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });

  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== key.toLowerCase() || event.altKey) return;
      if ((event.ctrlKey || event.metaKey) !== mod) return;
      if (!whileTyping && isTyping(event.target)) return;
      if (modalOpen()) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [key, mod, whileTyping, enabled]);
}
