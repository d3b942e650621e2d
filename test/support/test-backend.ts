import { randomUUID } from 'node:crypto';
import { jdAccountKeychainService } from '../../electron/core/app-identity';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import keytar from 'keytar';
import type { Confirmation } from '../../electron/core/window-guards/confirmation';
import { createBackend } from '../../electron/ipc/backend';
import { channelTable, type GatekeyApi, type MainEvent } from '../../electron/ipc/contract';
import type { MainEvents } from '../../electron/ipc/main-events';
import type { Dispatch } from '../../electron/ipc/dispatch';
import { isKeychainError } from '../../electron/core/keychain-errors';
import { keytarSecretStore } from '../../electron/storage/keytar-secret-store';
import type { MetadataStore } from '../../electron/storage/metadata-store';
import type { SecretStore } from '../../electron/core/ports/secret-store';
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
  /** Every question main put to the user in a native dialog (Electron's message box needs the binary). */
  confirmations: Confirmation[] = [];
  /** How the user answers main's next questions: by default they confirm, as the page's own dialog already asked. */
  answer: (question: Confirmation) => boolean | Promise<boolean> = () => true;
  async confirm(question: Confirmation): Promise<boolean> {
    this.confirmations.push(question);
    return this.answer(question);
  }
  /** Whether the user just clicked or pressed a key in the window (main sees real OS input in the app); by default yes. */
  userActive = true;
  consumeUserActivation(): boolean {
    return this.userActive;
  }
}

export interface TestBackend {
  dispatch: Dispatch;
  events: MainEvents;
  api: GatekeyApi;
  dataDir: string;
  service: string;
  /** The keychain service holding the JD Cloud account's SecretKey (its own, like main's). */
  accountService: string;
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
export async function startTestBackend(
  options: { dataDir?: string; service?: string; now?: () => number; secrets?: SecretStore; jdcloudSleep?: (ms: number) => Promise<void> } = {},
): Promise<TestBackend> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'gatekey-test-')));
  const service = options.service ?? testKeychainService();
  const clipboard = new MemoryClipboard();
  const desktop = new RecordingDesktop();
  const secrets = options.secrets ?? keytarSecretStore(service);
  const accountService = jdAccountKeychainService(service); // as main and the CLI name it
  const accountSecrets = keytarSecretStore(accountService);
  // JD Cloud retries wait no real time in tests unless a test asks otherwise.
  const jdcloudSleep = options.jdcloudSleep ?? (() => Promise.resolve());
  const { dispatch, events, store } = await createBackend({ dataDir, secrets, accountSecrets, clipboard, desktop, version: '0.0.0-test', now: options.now, jdcloudSleep });
  return {
    dispatch,
    api: apiOver(dispatch, events),
    events,
    dataDir,
    service,
    accountService,
    clipboard,
    desktop,
    store,
    async cleanup() {
      await store.close();
      // Through the backend's own store: its helper survives a locked
      // collection, where keytar in this process would segfault the worker.
      // A keychain a test locked, stopped or closed keeps its entries (a
      // private keyring goes with its temp folder).
      for (const store of [secrets, accountSecrets]) {
        try {
          for (const account of await store.accounts()) await store.delete(account);
        } catch (error) {
          if (!isKeychainError(error)) throw error;
        } finally {
          await store.close();
        }
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A `window.api` whose calls go straight to `dispatch`, with a structured-clone hop like IPC's. */
export function apiOver(dispatch: Dispatch, events?: MainEvents): GatekeyApi {
  const api: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const [namespace, names] of Object.entries(channelTable)) {
    api[namespace] = {};
    for (const name of names) api[namespace][name] = async (input) => structuredClone(await dispatch(`${namespace}.${name}`, structuredClone(input)));
  }
  const subscribe = (listener: (event: MainEvent) => void) => events?.subscribe((event) => listener(structuredClone(event))) ?? (() => undefined);
  return { ...api, events: { subscribe } } as unknown as GatekeyApi;
}
