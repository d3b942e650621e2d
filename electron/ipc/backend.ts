import { join } from 'node:path';
import { createAccessKeyService } from '../core/access-keys/service';
import { createApiGroupService } from '../core/api-groups/service';
import { createAuthorizationService } from '../core/authorizations/service';
import { createClipboardGuard, type Clipboard } from '../core/clipboard-guard';
import { createKeyFileService } from '../core/key-files/service';
import { createTestCallService } from '../core/test-call/service';
import { nodeChosenFiles } from '../adapters/files/chosen-files';
import { sendRequest } from '../adapters/http/send-request';
import { MetadataStore } from '../storage/metadata-store';
import type { SecretStore } from '../core/ports/secret-store';
import { createDispatch, flattenHandlers, type Dispatch, type Handlers } from './dispatch';
import { accessKeyHandlers } from './handlers/access-keys';
import { apiGroupHandlers } from './handlers/api-groups';
import { appHandlers, type Desktop } from './handlers/app';
import { authorizationHandlers } from './handlers/authorizations';
import { keychainHandlers } from './handlers/keychain';
import { storeHandlers } from './handlers/store';
import { keyFileHandlers } from './handlers/key-files';
import { testCallHandlers } from './handlers/test-call';
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

export async function createBackend({ dataDir, secrets: keychain, clipboard, desktop, version, now }: BackendOptions): Promise<Backend> {
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
    testCall: testCallHandlers(createTestCallService({ accessKeys, send: (outgoing) => sendRequest(outgoing) })),
  };
  const guarded = withWindowGuards(flattenHandlers(handlers), { accessKeys, presence: desktop, dataDir, now });
  const dispatch = createDispatch(withDataEvents(guarded, store, events));
  const shutdown = async () => {
    await guard.clearPendingSecret();
    await store.close();
    await secrets.close(); // ends the keychain helper process and the D-Bus connection
  };
  return { dispatch, events, store, shutdown };
}
