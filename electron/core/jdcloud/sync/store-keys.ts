import { ACCESS_KEY_ID_PATTERN, NAME_MAX } from '../../../shared/access-keys/rules';
import type { AccessKeyRecord } from '../../../shared/access-keys/types';
import { AppError } from '../../../shared/errors';
import type { StoreData } from '../../../shared/store/schema';
import { newAccessKeyId } from '../../access-keys/credentials';
import type { RecordStore } from '../../ports/record-store';
import type { SecretStore } from '../../ports/secret-store';

/** A key the gateway made, to be kept here: its secret is key material until it is in the keychain. */
export interface KeyToStore {
  record: Omit<AccessKeyRecord, 'id'>;
  secret: string;
  /** The gateway's keyId: taken as the local ID when it has the local form and is free. */
  keyId: string;
}

/** The local ID: the gateway's keyId when it looks like one of ours and nothing uses it (no record, no keychain entry), else a new one. */
async function localIdFor(keyId: string, taken: (id: string) => boolean, secrets: SecretStore): Promise<string> {
  if (ACCESS_KEY_ID_PATTERN.test(keyId) && !taken(keyId) && !(await secrets.has(keyId))) return keyId;
  for (;;) {
    const id = newAccessKeyId();
    if (!taken(id) && !(await secrets.has(id))) return id;
  }
}

const clash = (data: Readonly<StoreData>, record: AccessKeyRecord) =>
  data.accessKeys.some((key) => key.id === record.id || key.apiKey === record.apiKey || key.name.toLowerCase() === record.name.toLowerCase());

/**
 * Keeps keys made by the gateway, in the order access keys are created here:
 * every secret into the keychain first (a keychain that fails leaves no record
 * without its secret), then the records in one store update; if that update
 * fails, the secrets written are removed again. A record that clashes with one
 * written meanwhile (same ID, APIKey or name) is left out and its secret removed.
 */
export async function storeKeys(store: RecordStore, secrets: SecretStore, keys: readonly KeyToStore[]): Promise<AccessKeyRecord[]> {
  const chosen = new Set<string>();
  const taken = (id: string) => chosen.has(id) || store.index('accessKeyById').has(id);
  const written: AccessKeyRecord[] = [];
  try {
    for (const key of keys) {
      const id = await localIdFor(key.keyId, taken, secrets);
      chosen.add(id);
      await secrets.set(id, key.secret);
      written.push({ id, ...key.record });
    }
  } catch (error) {
    for (const record of written) await secrets.delete(record.id).catch(() => false);
    throw error;
  }
  let kept: AccessKeyRecord[];
  try {
    kept = await store.update((data) => {
      const fits = written.filter((record) => !clash(data, record));
      data.accessKeys.push(...fits);
      return fits;
    });
  } catch (error) {
    for (const record of written) await secrets.delete(record.id).catch(() => false);
    throw error;
  }
  for (const record of written) if (!kept.includes(record)) await secrets.delete(record.id).catch(() => false);
  return kept;
}

/** A gateway key name as a local name allows it: letters, digits, "-" and "_", at most 32, unique ignoring case. */
export function localKeyName(remoteName: string, taken: (lowerName: string) => boolean): string {
  const base = remoteName.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, NAME_MAX) || 'jdcloud-key';
  if (!taken(base.toLowerCase())) return base;
  for (let n = 2; ; n += 1) {
    const suffix = `-${n}`;
    const name = `${base.slice(0, NAME_MAX - suffix.length)}${suffix}`;
    if (!taken(name.toLowerCase())) return name;
  }
}

export const nameTaken = (name: string) =>
  new AppError('NAME_TAKEN', `An access key named "${name}" already exists.`, {
    reason: 'accessKeyNameTaken',
    params: { name },
    fields: { name: 'This name is already used by another access key (names ignore case).' },
    fieldReasons: { name: { reason: 'nameUsedByAccessKey', params: {} } },
  });
