import { join } from 'node:path';
import { createAccessKeyService } from '../core/access-keys/service';
import { createApiGroupService } from '../core/api-groups/service';
import { createAuthorizationService } from '../core/authorizations/service';
import { createClipboardGuard, type Clipboard } from '../core/clipboard-guard';
import { createKeyFileService } from '../core/key-files/service';
import { createTestCallService } from '../core/test-call/service';
import { MetadataStore } from '../storage/metadata-store';
import type { SecretStore } from '../storage/secret-store';
import { createDispatch, type Dispatch, type Handlers } from './dispatch';
import { accessKeyHandlers } from './handlers/access-keys';
import { apiGroupHandlers } from './handlers/api-groups';
import { appHandlers, type Desktop } from './handlers/app';
import { authorizationHandlers } from './handlers/authorizations';
import { keyFileHandlers } from './handlers/key-files';
import { testCallHandlers } from './handlers/test-call';
import { withWindowGuards } from './window-guards';

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
  store: MetadataStore;
  /** Before quitting: clear a secret still on the clipboard, save what is unsaved, release the data folder. */
  shutdown(): Promise<void>;
}

export async function createBackend({ dataDir, secrets, clipboard, desktop, version, now }: BackendOptions): Promise<Backend> {
  const store = await MetadataStore.open(join(dataDir, STORE_FILE_NAME));
  const guard = createClipboardGuard(clipboard);
  const accessKeys = createAccessKeyService({ store, secrets, clipboard: guard });
  const authorizations = createAuthorizationService({ store });
  const handlers: Handlers = {
    ...appHandlers({ store, secrets, desktop, version }),
    ...accessKeyHandlers(accessKeys),
    ...apiGroupHandlers(createApiGroupService({ store })),
    ...authorizationHandlers(authorizations),
    ...keyFileHandlers(createKeyFileService({ accessKeys, authorizations, clipboard: guard, dialogs: desktop })),
    ...testCallHandlers(createTestCallService({ accessKeys })),
  };
  const dispatch = createDispatch(withWindowGuards(handlers, { accessKeys, presence: desktop, dataDir, now }));
  const shutdown = async () => {
    await guard.clearPendingSecret();
    await store.close();
    await secrets.close(); // ends the keychain helper process and the D-Bus connection
  };
  return { dispatch, store, shutdown };
}
