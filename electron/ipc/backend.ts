import { join } from 'node:path';
import { AppError } from '../shared/errors';
import { createAccessKeyService } from '../core/access-keys/service';
import { createApiGroupService } from '../core/api-groups/service';
import { createAuthorizationService } from '../core/authorizations/service';
import { createClipboardGuard, type Clipboard } from '../core/clipboard-guard';
import { createKeyFileService } from '../core/key-files/service';
import { createTestCallService } from '../core/test-call/service';
import { createJdcloudService } from '../core/jdcloud/service';
import { nodeChosenFiles } from '../adapters/files/chosen-files';
import { sendRequest } from '../adapters/http/send-request';
import { MetadataStore } from '../storage/metadata-store';
import type { SecretStore } from '../core/ports/secret-store';
import type { SendRequest } from '../core/ports/http-sender';
import { createDispatch, flattenHandlers, type Dispatch, type Handlers } from './dispatch';
import { accessKeyHandlers } from './handlers/access-keys';
import { apiGroupHandlers } from './handlers/api-groups';
import { appHandlers, type Desktop } from './handlers/app';
import { authorizationHandlers } from './handlers/authorizations';
import { keychainHandlers } from './handlers/keychain';
import { storeHandlers } from './handlers/store';
import { keyFileHandlers } from './handlers/key-files';
import { testCallHandlers } from './handlers/test-call';
import { jdcloudHandlers } from './handlers/jdcloud';
import { withWindowGuards } from './window-guards';
import { createMainEvents, type MainEvents } from './main-events';
import { withDataEvents } from './events/data-events';
import { withKeychainEvents } from './events/keychain-events';
import { storeEventOptions } from './events/store-events';

export const STORE_FILE_NAME = 'gatekey-store.json';

export interface BackendOptions {
  dataDir: string;
  secrets: SecretStore;
  clipboard: Clipboard;
  desktop: Desktop;
  version: string;
  /** The clock of the window guards' budgets (ms since the epoch); tests pass their own. */
  now?: () => number;
  /**
   * Where the JD Cloud account's SecretKey lives (account name = its AccessKey ID): a keychain
   * service of its own, so it is never taken for an APISecret. Without one, JD Cloud cannot connect.
   */
  accountSecrets?: SecretStore;
  /** How test calls and JD Cloud requests go out; tests may pass their own. */
  send?: SendRequest;
  /** The JD Cloud client's wait between retries; tests make it instant. */
  jdcloudSleep?: (ms: number) => Promise<void>;
}

/**
 * Everything behind the IPC boundary, without Electron: the app wires it to
 * ipcMain, the tests to the page directly.
 */
export interface Backend {
  dispatch: Dispatch;
  /** What main tells the window unasked (store and keychain status, data changed, progress); never a secret. */
  events: MainEvents;
  store: MetadataStore;
  /** Before quitting: clear a secret still on the clipboard, save what is unsaved, release the data folder. */
  shutdown(): Promise<void>;
}

export async function createBackend({ dataDir, secrets: keychain, clipboard, desktop, version, now, accountSecrets = noAccountSecrets(), send = (outgoing) => sendRequest(outgoing), jdcloudSleep }: BackendOptions): Promise<Backend> {
  const events = createMainEvents();
  const store = await MetadataStore.open(join(dataDir, STORE_FILE_NAME), storeEventOptions(events));
  const secrets = withKeychainEvents(keychain, events);
  const guard = createClipboardGuard(clipboard);
  const accessKeys = createAccessKeyService({ store, secrets, clipboard: guard });
  const authorizations = createAuthorizationService({ store });
  const handlers: Handlers = {
    app: appHandlers({ store, desktop, version }),
    store: storeHandlers(store),
    keychain: keychainHandlers({ accessKeys, store, secrets }),
    accessKeys: accessKeyHandlers(accessKeys, authorizations),
    apiGroups: apiGroupHandlers(createApiGroupService({ store })),
    authorizations: authorizationHandlers(authorizations),
    keyFiles: keyFileHandlers(createKeyFileService({ accessKeys, authorizations, clipboard: guard, dialogs: desktop, files: nodeChosenFiles }), (done, total) =>
      events.emit({ type: 'progress', data: { task: 'importKeys', done, total } }),
    ),
    testCall: testCallHandlers(createTestCallService({ accessKeys, send })),
    jdcloud: jdcloudHandlers(
      createJdcloudService({
        store,
        secrets,
        accountSecrets,
        send,
        dataDir,
        ...(jdcloudSleep ? { sleep: jdcloudSleep } : {}),
        onProgress: (data) => events.emit({ type: 'progress', data }),
      }),
    ),
  };
  const guarded = withWindowGuards(flattenHandlers(handlers), { accessKeys, presence: desktop, store, dataDir, now });
  const dispatch = createDispatch(withDataEvents(guarded, store, events));
  const shutdown = async () => {
    await guard.clearPendingSecret();
    await store.close();
    await secrets.close(); // ends the keychain helper process and the D-Bus connection
    await accountSecrets.close();
  };
  return { dispatch, events, store, shutdown };
}

/** Stands in when no keychain service was given for the JD Cloud account: every call says the keychain is not there. */
function noAccountSecrets(): SecretStore {
  const unavailable = () => new AppError('KEYCHAIN_UNAVAILABLE', 'No keychain entry for a JD Cloud account was set up in this Gatekey.', { reason: 'keychainClosed' });
  const refuse = async (): Promise<never> => {
    throw unavailable();
  };
  return { get: refuse, has: refuse, set: refuse, delete: refuse, accounts: refuse, state: async () => ({ state: 'ready' }), close: async () => undefined };
}
