import { API_KEY_PATTERN, DESCRIPTION_MAX } from '../../../shared/access-keys/rules';
import type { RecordStore } from '../../ports/record-store';
import type { SecretStore } from '../../ports/secret-store';
import type { GatewayApi, RemoteKeyWithSecret } from '../gateway-api';
import { cleanText } from './pull-groups';
import type { RequestLog } from './read-remote';
import { localKeyName, storeKeys, type KeyToStore } from './store-keys';

export interface KeyCounts {
  linked: number;
  created: number;
  secretsStored: number;
  /** Keys whose JD Cloud name breaks the local rules (letters, digits, "-", "_"; unique): kept under another name. */
  renamed: Array<{ keyId: string; remoteName: string; localName: string }>;
  /** Keys whose APIKey is not the 32 hex characters Gatekey keeps: left in JD Cloud only. */
  skipped: Array<{ keyId: string; keyName: string }>;
  /**
   * Linked keys whose APIKey JD Cloud has replaced (a reset in the console): the APIKey and APISecret
   * here no longer work there. Named, never overwritten: the authorizations naming the old APIKey must follow.
   */
  resetInJdCloud: Array<{ id: string; name: string; keyId: string }>;
}

/**
 * Brings the account's signature keys in: keys already here (by keyId, else by
 * APIKey) are linked, not duplicated; a linked key whose secret the keychain
 * lacks gets it back; new ones are created with their secret straight in the
 * keychain. Secrets never reach the store, a report or a log.
 */
export async function pullKeys(client: GatewayApi, store: RecordStore, secrets: SecretStore, regions: readonly string[], now: Date, log: RequestLog): Promise<KeyCounts> {
  const counts: KeyCounts = { linked: 0, created: 0, secretsStored: 0, renamed: [], skipped: [], resetInJdCloud: [] };
  const found: Array<{ region: string; key: RemoteKeyWithSecret }> = [];
  for (const region of regions) {
    const replied = await client.queryKeys(region);
    log(replied.requestId);
    for (const key of replied.result) found.push({ region, key });
  }

  const data = store.read();
  const links: Array<{ id: string; keyId: string; region: string }> = [];
  const fresh: KeyToStore[] = [];
  const names = new Set(data.accessKeys.map((key) => key.name.toLowerCase()));
  const seen = new Set<string>();
  const timestamp = now.toISOString();
  for (const { region, key } of found) {
    const apiKey = key.accessKey.toUpperCase();
    if (seen.has(apiKey)) continue;
    seen.add(apiKey);
    const local = data.accessKeys.find((k) => k.remote?.keyId === key.keyId) ?? data.accessKeys.find((k) => k.apiKey === apiKey);
    if (local) {
      links.push({ id: local.id, keyId: key.keyId, region });
      if (local.apiKey !== apiKey) {
        // Its secret there belongs to the new APIKey: never put it beside the old one here.
        counts.resetInJdCloud.push({ id: local.id, name: local.name, keyId: key.keyId });
        continue;
      }
      if (!(await secrets.has(local.id))) {
        await secrets.set(local.id, key.secretKey);
        counts.secretsStored += 1;
      }
      continue;
    }
    if (!API_KEY_PATTERN.test(apiKey)) {
      counts.skipped.push({ keyId: key.keyId, keyName: key.keyName });
      continue;
    }
    const name = localKeyName(key.keyName, (lower) => names.has(lower));
    names.add(name.toLowerCase());
    if (name !== key.keyName) counts.renamed.push({ keyId: key.keyId, remoteName: key.keyName, localName: name });
    fresh.push({ keyId: key.keyId, secret: key.secretKey, record: { name, description: cleanText(key.keyDesc, DESCRIPTION_MAX), apiKey, createdAt: timestamp, updatedAt: timestamp, remote: { keyId: key.keyId, region } } });
  }

  if (links.length > 0) {
    counts.linked = await store.update((draft) => {
      let linked = 0;
      for (const { id, keyId, region } of links) {
        const index = draft.accessKeys.findIndex((k) => k.id === id);
        const record = draft.accessKeys[index];
        if (!record) continue;
        // Replaced, never mutated: the draft shares its records with the data it came from.
        if (record.remote?.keyId !== keyId || record.remote.region !== region) draft.accessKeys[index] = { ...record, remote: { keyId, region }, updatedAt: timestamp };
        linked += 1;
      }
      return linked;
    });
  }
  const stored = await storeKeys(store, secrets, fresh);
  counts.created = stored.length;
  counts.secretsStored += stored.length;
  return counts;
}
