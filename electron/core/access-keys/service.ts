import { AppError } from '../errors';
import type { ClipboardGuard } from '../clipboard-guard';
import type { SecretStore } from '../../storage/secret-store';
import type { MetadataStore } from '../../storage/metadata-store';
import type { AccessKeyFields } from './rules';
import type { AccessKeyRecord, AccessKeySummary, ReconcileReport, SecretStatus } from './types';
import { newAccessKeyId, newApiKey, newApiSecret } from './credentials';
import { fingerprintOf } from '../key-files/fingerprint';

/** Above this many keys the start-up pass skips the slow whole-keychain scan for orphans. */
export const ORPHAN_SCAN_LIMIT = 1_000;

export interface AccessKeyServiceDeps {
  store: MetadataStore;
  secrets: SecretStore;
  clipboard: ClipboardGuard;
  now?: () => Date;
}

/**
 * Access keys: metadata in the store, the APISecret in the keychain under the
 * Access Key ID. List and details paths never touch the keychain; only create,
 * reveal, copy, delete and reconcile do.
 */
export function createAccessKeyService({ store, secrets, clipboard, now = () => new Date() }: AccessKeyServiceDeps) {
  // Learnt from reconciliation and from reveal/copy; never persisted.
  const secretStatus = new Map<string, SecretStatus>();

  const summarise = (record: AccessKeyRecord): AccessKeySummary => ({
    ...record,
    secretStatus: secretStatus.get(record.id) ?? 'unchecked',
    fingerprint: fingerprintOf(record.apiKey),
  });

  function find(id: string): AccessKeyRecord {
    const record = store.index('accessKeyById').get(id);
    if (!record) throw new AppError('NOT_FOUND', 'This access key no longer exists. It may have been deleted in another window.');
    return record;
  }

  function assertNameFree(name: string, exceptId?: string): void {
    const clash = store.index('accessKeyByName').get(name.toLowerCase());
    if (clash && clash.id !== exceptId) {
      throw new AppError('NAME_TAKEN', `An access key named "${clash.name}" already exists.`, {
        name: 'This name is already used by another access key (names ignore case).',
      });
    }
  }

  function unusedCredentials(): { id: string; apiKey: string } {
    const byId = store.index('accessKeyById');
    const byApiKey = store.index('accessKeyByApiKey');
    for (;;) {
      const id = newAccessKeyId();
      const apiKey = newApiKey();
      if (!byId.has(id) && !byApiKey.has(apiKey)) return { id, apiKey };
    }
  }

  async function secretOf(id: string): Promise<string> {
    find(id);
    const secret = await secrets.get(id);
    if (secret === null) {
      secretStatus.set(id, 'missing');
      throw new AppError(
        'SECRET_MISSING',
        'The APISecret of this access key is not in the OS keychain (it may have been removed outside Gatekey). Delete this key and create a new one.',
      );
    }
    secretStatus.set(id, 'present');
    return secret;
  }

  return {
    list(): AccessKeySummary[] {
      return store.read().accessKeys.map(summarise);
    },

    get(id: string): AccessKeySummary {
      return summarise(find(id));
    },

    async create(fields: AccessKeyFields): Promise<AccessKeySummary> {
      assertNameFree(fields.name);
      const { id, apiKey } = unusedCredentials();
      const timestamp = now().toISOString();
      const record: AccessKeyRecord = { id, apiKey, ...fields, createdAt: timestamp, updatedAt: timestamp };
      // Keychain first: if it is unavailable, nothing reaches the store.
      await secrets.set(id, newApiSecret());
      try {
        await store.update((data) => {
          assertNameFree(fields.name); // again, inside the queue: another create may have won
          data.accessKeys.push(record);
        });
      } catch (error) {
        await secrets.delete(id).catch(() => undefined);
        throw error;
      }
      secretStatus.set(id, 'present');
      return summarise(record);
    },

    async update(id: string, fields: AccessKeyFields): Promise<AccessKeySummary> {
      const updated = await store.update((data) => {
        const at = data.accessKeys.findIndex((key) => key.id === id);
        if (at < 0) throw new AppError('NOT_FOUND', 'This access key no longer exists. It may have been deleted in another window.');
        assertNameFree(fields.name, id);
        const record = { ...data.accessKeys[at]!, ...fields, updatedAt: now().toISOString() };
        data.accessKeys[at] = record;
        return record;
      });
      return summarise(updated);
    },

    async delete(id: string): Promise<void> {
      find(id);
      // Refuse while the keychain cannot be reached, rather than leave a secret behind.
      await secrets.get(id);
      // The record goes first: if its removal never reaches the disk (a failed
      // save, then quit), the key must come back with its secret. Only once the
      // store is saved is the secret removed; otherwise it waits in the
      // keychain, where Health shows it as an entry with no key.
      await store.update((data) => {
        data.accessKeys = data.accessKeys.filter((key) => key.id !== id);
      });
      secretStatus.delete(id);
      // A keychain that fails now leaves an entry with no key, which Health lists.
      if (store.status.state === 'ok' && !store.status.unsaved) await secrets.delete(id).catch(() => false);
    },

    /** The only path by which a secret leaves the main process: the user asked to see it. */
    revealSecret: secretOf,

    async copySecret(id: string): Promise<{ clearsAfterSeconds: number }> {
      return { clearsAfterSeconds: await clipboard.copySecret(await secretOf(id)) };
    },

    // Copies go through main: the window is denied clipboard permissions.
    copyApiKey(id: string): Promise<void> {
      return clipboard.copyText(find(id).apiKey);
    },

    copyId(id: string): Promise<void> {
      return clipboard.copyText(find(id).id);
    },

    /** Health: puts back the secret of a key whose secret is missing. Never replaces one that is there. */
    async restoreSecret(id: string, secret: string): Promise<AccessKeySummary> {
      const record = find(id);
      if ((await secrets.get(id)) !== null) {
        throw new AppError('ALREADY_EXISTS', 'This access key still has its APISecret in the keychain; it was not replaced.', undefined, id);
      }
      await secrets.set(id, secret);
      secretStatus.set(id, 'present');
      return summarise(record);
    },

    /** Health: removes a keychain entry that no access key record refers to. */
    async deleteOrphanSecret(account: string): Promise<void> {
      if (store.index('accessKeyById').has(account)) {
        throw new AppError('INVALID_INPUT', 'This keychain entry belongs to an access key; delete the access key instead.');
      }
      if (!(await secrets.delete(account))) throw new AppError('NOT_FOUND', 'This keychain entry no longer exists.');
    },

    /** Health: makes a record for a keychain entry that lost it, from the APIKey the user still has. */
    async adoptOrphanSecret(account: string, apiKey: string, fields: AccessKeyFields): Promise<AccessKeySummary> {
      if ((await secrets.get(account)) === null) throw new AppError('NOT_FOUND', 'This keychain entry no longer exists.');
      const timestamp = now().toISOString();
      const record: AccessKeyRecord = { id: account, apiKey, ...fields, createdAt: timestamp, updatedAt: timestamp };
      await store.update((data) => {
        if (data.accessKeys.some((key) => key.id === account)) throw new AppError('ALREADY_EXISTS', 'An access key with this ID exists already.', undefined, account);
        if (data.accessKeys.some((key) => key.apiKey === apiKey)) throw new AppError('ALREADY_EXISTS', 'Another access key has this APIKey.', { apiKey: 'Another access key has this APIKey.' });
        assertNameFree(fields.name);
        data.accessKeys.push(record);
      });
      secretStatus.set(account, 'present');
      return summarise(record);
    },

    /**
     * Compares keychain and store, in the background. Each record is checked
     * with its own keychain call, so a user action waits for one call at most,
     * never for the whole pass. Looking for orphan entries needs a scan of the
     * whole service (about 2.4 ms an entry): by default it runs only for
     * stores of up to ORPHAN_SCAN_LIMIT keys; Health asks for it explicitly.
     */
    async reconcile(includeOrphans?: boolean): Promise<ReconcileReport> {
      const records = store.read().accessKeys;
      const missingSecretIds: string[] = [];
      for (const { id } of records) {
        const present = (await secrets.get(id)) !== null;
        secretStatus.set(id, present ? 'present' : 'missing');
        if (!present) missingSecretIds.push(id);
      }
      if (!(includeOrphans ?? records.length <= ORPHAN_SCAN_LIMIT)) return { missingSecretIds, orphanAccounts: [], orphansChecked: false, keychain: { state: 'ready' }, lateWritesRemoved: [] };
      const ids = store.index('accessKeyById');
      const orphanAccounts = (await secrets.accounts()).filter((account) => !ids.has(account));
      return { missingSecretIds, orphanAccounts, orphansChecked: true, keychain: { state: 'ready' }, lateWritesRemoved: [] };
    },
  };
}

export type AccessKeyService = ReturnType<typeof createAccessKeyService>;
