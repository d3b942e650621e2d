import { dirname } from 'node:path';
import { checkKeychain, checkKeychainReadOnly } from '../../core/keychain-check';
import type { FileDialogs } from '../../core/key-files/service';
import type { UserPresence } from '../../core/window-guards/confirmation';
import type { MetadataStore } from '../../storage/metadata-store';
import type { SecretStore } from '../../storage/secret-store';
import type { Handlers } from '../dispatch';

/** What only the desktop shell can do; the app passes Electron's shell and dialogs, tests a recorder. */
export interface Desktop extends FileDialogs, UserPresence {
  showItemInFolder(path: string): void;
}

type AppHandlers = Pick<
  Handlers,
  'getAppStatus' | 'checkKeychain' | 'getKeychainState' | 'dismissWelcome' | 'getAboutInfo' | 'showDataFolder' | 'restoreStoreBackup' | 'resolveStoreConflict' | 'saveStoreNow'
>;

export function appHandlers({ store, secrets, desktop, version }: { store: MetadataStore; secrets: SecretStore; desktop: Desktop; version: string }): AppHandlers {
  return {
    // First run lasts until something is saved: the welcome's dismissal or the first record.
    getAppStatus: () => ({ store: store.status, platform: process.platform, version, firstRun: store.status.state === 'ok' && !store.hasFile }),
    // A read-only instance never writes to the keychain, not even a probe.
    checkKeychain: () => (store.status.state === 'ok' ? checkKeychain(secrets) : checkKeychainReadOnly(secrets)),
    getKeychainState: () => secrets.state(),
    dismissWelcome: async () => {
      if (!store.hasFile) await store.update(() => undefined);
      return { dismissed: true };
    },
    getAboutInfo: () => ({
      version,
      electron: process.versions.electron ?? 'not running in Electron',
      chromium: process.versions.chrome ?? 'not running in Electron',
      node: process.versions.node,
      license: 'MIT',
      dataFolder: dirname(store.status.file),
    }),
    restoreStoreBackup: () => store.restoreNewestBackup(),
    resolveStoreConflict: async ({ choice }) => ({ resolved: true, ...(await store.resolveConflict(choice)) }),
    saveStoreNow: async () => ({ saved: await store.flush() }),
    showDataFolder: () => {
      desktop.showItemInFolder(store.status.file);
      return { shown: true };
    },
  };
}
