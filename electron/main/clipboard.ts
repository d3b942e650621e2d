import { clipboard } from 'electron';
import type { Clipboard } from '../core/clipboard-guard';

/** Electron's clipboard as the backend's Clipboard. Never log what passes through: it may be a secret. */
export function electronClipboard(system: Pick<Electron.Clipboard, 'readText' | 'writeText'> = clipboard): Clipboard {
  return {
    readText: () => system.readText(),
    writeText: (text) => system.writeText(text),
  };
}
