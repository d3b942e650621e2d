import type { Clipboard } from '../../electron/core/clipboard-guard';

/**
 * Stand-in for Electron's `clipboard` module, which needs the Electron binary
 * (not installable here). It only holds text, as the real one does for us.
 */
export class MemoryClipboard implements Clipboard {
  text = '';
  readText(): string {
    return this.text;
  }
  writeText(text: string): void {
    this.text = text;
  }
}
