import type { Input } from 'electron';

/**
 * Keys that reload the page or open DevTools in Chromium. Packaged builds have
 * neither in the menu and DevTools off in webPreferences; these are also
 * swallowed before the page sees them, as a second lock. A reload would also
 * drop a revealed secret on screen into a fresh page the user did not ask for.
 */
export function isDevShortcut(input: Pick<Input, 'type' | 'key' | 'control' | 'meta' | 'shift' | 'alt'>): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false;
  const key = input.key.toLowerCase();
  if (key === 'f5' || key === 'f12' || key === 'browserrefresh') return true;
  const command = input.control || input.meta;
  if (command && key === 'r') return true; // reload, and with Shift a hard reload
  // Ctrl+Shift+I/J/C on Linux and Windows, Cmd+Alt+I/J/C on macOS: DevTools, console, inspector.
  if (command && (input.shift || input.alt) && ['i', 'j', 'c'].includes(key)) return true;
  return false;
}
