import type { Clipboard } from '../../electron/core/clipboard-guard';

/**
 * Stand-in for Electron's `clipboard` module, which needs the Electron binary
 * (not installable here). It only holds text, as the real one does for us.
 */
export class MemoryClipboard implements Clipboard {
  text = '';
  async readText(): Promise<string> {
    return this.text;
  }
  async writeText(text: string): Promise<void> {
    this.text = text;
  }
}
