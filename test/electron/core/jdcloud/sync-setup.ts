import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sendRequest } from '../../../../electron/adapters/http/send-request';
import { createApiGroupService } from '../../../../electron/core/api-groups/service';
import { createAuthorizationService } from '../../../../electron/core/authorizations/service';
import { createJdcloudService, type JdcloudServiceDeps } from '../../../../electron/core/jdcloud/service';
import type { SecretStore } from '../../../../electron/core/ports/secret-store';
import { isKeychainError } from '../../../../electron/core/keychain-errors';
import { keytarSecretStore } from '../../../../electron/storage/keytar-secret-store';
import { MetadataStore } from '../../../../electron/storage/metadata-store';
import type { Environment } from '../../../../electron/shared/api-groups/rules';
import { startEmulator, type JdcloudEmulator } from '../../../support/jdcloud-emulator';
import { testKeychainService } from '../../../support/test-backend';
import { storeFilesText } from '../../../support/store-files';

export const N1 = 'cn-north-1';
export const E2 = 'cn-east-2';
/** APIKey number n (32 uppercase hex). */
export const K = (n: number) => n.toString(16).toUpperCase().padStart(32, '0');

export type Progress = { task: string; done: number; total: number; failed?: number };

/**
 * The real parts: the emulator over loopback HTTP, the real client and
 * sender, a real store file in a temp folder and the real OS keychain under a
 * service name of this test's own (removed afterwards). Retries sleep no time.
 */
export async function startSync(options: { regions?: string[]; concurrency?: number; connect?: boolean } = {}) {
  const regions = options.regions ?? [N1];
  const emulator: JdcloudEmulator = await startEmulator({ regions });
  const dir = await mkdtemp(join(tmpdir(), 'gatekey-jd-'));
  const storeFile = join(dir, 'gatekey-store.json');
  const store = await MetadataStore.open(storeFile);
  const service = testKeychainService();
  const secrets: SecretStore = keytarSecretStore(service);
  const accountSecrets: SecretStore = keytarSecretStore(`${service}-account`);
  const progress: Progress[] = [];
  const sleeps: number[] = [];
  const make = (over: Partial<JdcloudServiceDeps> = {}) =>
    createJdcloudService({
      store,
      secrets,
      accountSecrets,
      send: (outgoing) => sendRequest(outgoing),
      dataDir: dir,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      onProgress: (p) => progress.push(p),
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
      ...over,
    });
  const jd = make();
  if (options.connect !== false) await jd.connect({ accessKeyId: emulator.account.accessKey, secretKey: emulator.account.secretKey, regions, endpoint: emulator.endpoint });
  const groups = createApiGroupService({ store });
  const authorizations = createAuthorizationService({ store });

  return {
    emulator,
    dir,
    store,
    storeText: () => storeFilesText(storeFile),
    secrets,
    accountSecrets,
    jd,
    make,
    progress,
    sleeps,
    groups,
    authorizations,
    /** A local group for each published environment of a new remote group. */
    async remoteGroup(region: string, groupName: string, publish: Environment[] = ['online'], authType: 'jd_cloud' | 'None' = 'jd_cloud') {
      return emulator.addApiGroup(region, { groupName, publish, authType });
    },
    authorize: (apiKey: string, description = '') => authorizations.create({ callerKey: { kind: 'apiKey', value: apiKey }, description }),
    async cleanup() {
      await store.close();
      for (const secretStore of [secrets, accountSecrets]) {
        try {
          for (const account of await secretStore.accounts()) await secretStore.delete(account);
        } catch (error) {
          if (!isKeychainError(error)) throw error;
        } finally {
          await secretStore.close();
        }
      }
      await emulator.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export type Sync = Awaited<ReturnType<typeof startSync>>;
