import { dirname } from 'node:path';
import type { FileDialogs } from '../../core/key-files/service';
import type { UserPresence } from '../../core/window-guards/confirmation';
import type { MetadataStore } from '../../storage/metadata-store';
import type { Handlers } from '../dispatch';

/** What only the desktop shell can do; the app passes Electron's shell and dialogs, tests a recorder. */
export interface Desktop extends FileDialogs, UserPresence {
  showItemInFolder(path: string): void;
}

export function appHandlers({ store, desktop, version }: { store: MetadataStore; desktop: Desktop; version: string }): Handlers['app'] {
  return {
    // First run lasts until something is saved: the welcome's dismissal or the first record.
    getStatus: () => ({ store: store.status, platform: process.platform, version, firstRun: store.status.state === 'ok' && !store.hasFile }),
    dismissWelcome: async () => {
      if (!store.hasFile) await store.update(() => undefined);
      return { dismissed: true };
    },
    getAbout: () => ({
      version,
      electron: process.versions.electron ?? 'not running in Electron',
      chromium: process.versions.chrome ?? 'not running in Electron',
      node: process.versions.node,
      license: 'MIT',
      dataFolder: dirname(store.status.file),
    }),
    showDataFolder: () => {
      desktop.showItemInFolder(store.status.file);
      return { shown: true };
    },
  };
}
