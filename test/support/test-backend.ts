import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import keytar from 'keytar';
import { createBackend } from '../../electron/ipc/backend';
import { methods, type GatekeyApi } from '../../electron/ipc/contract';
import type { Dispatch } from '../../electron/ipc/dispatch';
import { keytarSecretStore } from '../../electron/storage/keytar-secret-store';
import type { MetadataStore } from '../../electron/storage/metadata-store';
import { MemoryClipboard } from './memory-clipboard';

/** A keychain service name of this run's own, so tests never touch real Gatekey secrets. */
export const testKeychainService = (): string => `gatekey-test-${process.pid}-${randomUUID().slice(0, 8)}`;

/** Deletes every keychain entry under `service`. */
export async function clearKeychainService(service: string): Promise<void> {
  for (const { account } of await keytar.findCredentials(service)) await keytar.deletePassword(service, account);
}

/**
 * Stands in for Electron's shell and native file dialogs (they need the
 * Electron binary): records what was asked and answers as the test scripts it,
 * the way a user would pick a path in the dialog.
 */
export class RecordingDesktop {
  shownInFolder: string[] = [];
  /** What the save dialog answers next: a path, or null for Cancel. */
  savePath: string | null = null;
  /** What the open dialog answers next. */
  openPaths: string[] = [];
  showItemInFolder(path: string): void {
    this.shownInFolder.push(path);
  }
  async chooseSavePath(): Promise<string | null> {
    return this.savePath;
  }
  async chooseKeyFiles(): Promise<string[]> {
    return this.openPaths;
  }
}

export interface TestBackend {
  dispatch: Dispatch;
  api: GatekeyApi;
  dataDir: string;
  service: string;
  clipboard: MemoryClipboard;
  desktop: RecordingDesktop;
  store: MetadataStore;
  cleanup(): Promise<void>;
}

/**
 * The real backend (store on disk in a temp folder, secrets in the real OS
 * keychain) exactly as main builds it; only the Electron IPC transport and
 * Electron's clipboard are replaced.
 */
export async function startTestBackend(options: { dataDir?: string; service?: string } = {}): Promise<TestBackend> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'gatekey-test-')));
  const service = options.service ?? testKeychainService();
  const clipboard = new MemoryClipboard();
  const desktop = new RecordingDesktop();
  const { dispatch, store } = await createBackend({ dataDir, secrets: keytarSecretStore(service), clipboard, desktop, version: '0.0.0-test' });
  return {
    dispatch,
    api: apiOver(dispatch),
    dataDir,
    service,
    clipboard,
    desktop,
    store,
    async cleanup() {
      await store.close();
      await clearKeychainService(service);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A `window.api` whose calls go straight to `dispatch`, with a structured-clone hop like IPC's. */
export function apiOver(dispatch: Dispatch): GatekeyApi {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const method of methods) {
    api[method] = async (input) => structuredClone(await dispatch(method, structuredClone(input)));
  }
  return api as GatekeyApi;
}
