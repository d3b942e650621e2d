import { API_KEY_PATTERN } from '../../../shared/access-keys/rules';
import type { AccessKeyRecord } from '../../../shared/access-keys/types';
import { AppError } from '../../../shared/errors';
import { assertMayChangeKeychain } from '../../access-keys/keychain-guards';
import { isUnclear } from '../client/index';
import type { GatewayApi, RemoteKeyWithSecret } from '../gateway-api';
import { keepingRequestIds } from './request-ids';
import type { RecordStore } from '../../ports/record-store';
import type { SecretStore } from '../../ports/secret-store';
import { MAX_ATTEMPTS } from './apply-item';
import { nameTaken, storeKeys } from './store-keys';

export interface CreateKeyDeps {
  client: GatewayApi;
  store: RecordStore;
  secrets: SecretStore;
  now: () => Date;
}

const notResolved = (operation: string) =>
  new AppError('GATEWAY_FAILED', `Gatekey could not confirm ${operation}: the key was not found in JD Cloud after ${MAX_ATTEMPTS} attempts. Pull keys to see what JD Cloud holds.`, {
    reason: 'jdNotResolved',
    params: { operation },
  });

/** The key exists in JD Cloud (which cannot delete it through its API) but not here: creating it again would make a second one. */
const notKept = (keyId: string, detail: string) =>
  new AppError('GATEWAY_FAILED', `JD Cloud created the key ${keyId}, but Gatekey could not keep it: ${detail} Do not create it again: use Pull with keys to bring it in once this is fixed.`, {
    reason: 'jdKeyCreatedNotKept',
    params: { keyId, detail },
  });

/**
 * The caller's side: JD Cloud generates the key pair (createKey answers no
 * keyId, so it is found with queryKeys by its APIKey); the APISecret goes
 * straight to the keychain, the record links the remote keyId. After an
 * unclear create, the new key is looked for by name among keys that were not
 * there before, before any retry: a key is never created twice.
 */
export async function createRemoteKey(
  { client, store, secrets, now }: CreateKeyDeps,
  fields: { name: string; description: string; region: string },
): Promise<{ record: AccessKeyRecord; requestIds: string[] }> {
  assertMayChangeKeychain(store);
  if (store.index('accessKeyByName').has(fields.name.toLowerCase())) throw nameTaken(store.index('accessKeyByName').get(fields.name.toLowerCase())!.name);
  const { requestIds, call } = keepingRequestIds();
  const keys = () => call(() => client.queryKeys(fields.region));

  const before = new Set((await keys()).map((key) => key.keyId));
  let made: { accessKey: string; secretKey: string; keyId?: string } | undefined;
  for (let attempt = 1; !made; attempt += 1) {
    try {
      made = await call(() => client.createKey(fields.region, { keyName: fields.name, keyDesc: fields.description }));
    } catch (error) {
      if (!isUnclear(error)) throw error;
      const landed = (await keys()).find((key) => key.keyName === fields.name && !before.has(key.keyId));
      if (landed) made = landed;
      else if (attempt >= MAX_ATTEMPTS) throw notResolved('createKey');
    }
  }
  let keyId = made.keyId;
  if (!keyId) {
    const listed: RemoteKeyWithSecret | undefined = (await keys()).find((key) => key.accessKey.toUpperCase() === made.accessKey.toUpperCase());
    if (!listed) throw notResolved('queryKeys');
    keyId = listed.keyId;
  }
  const apiKey = made.accessKey.toUpperCase();
  if (!API_KEY_PATTERN.test(apiKey)) {
    throw new AppError('GATEWAY_FAILED', `JD Cloud answered an APIKey Gatekey cannot keep (not 32 hex characters). The key ${keyId} exists in JD Cloud; delete it in the console.`, {
      reason: 'jdReplyMalformed',
      params: { status: '200', requestId: requestIds.at(-1) ?? '' },
    });
  }
  const timestamp = now().toISOString();
  let record: AccessKeyRecord | undefined;
  try {
    [record] = await storeKeys(store, secrets, [
      { keyId, secret: made.secretKey, record: { name: fields.name, description: fields.description, apiKey, createdAt: timestamp, updatedAt: timestamp, remote: { keyId, region: fields.region } } },
    ]);
  } catch (error) {
    throw notKept(keyId, error instanceof Error ? error.message : String(error));
  }
  // Another window took the name (or the APIKey) meanwhile.
  if (!record) throw notKept(keyId, `An access key named "${fields.name}" was created here meanwhile.`);
  return { record, requestIds };
}
