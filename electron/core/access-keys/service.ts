import { AppError } from '../../shared/errors';
import type { ClipboardGuard } from '../clipboard-guard';
import type { SecretStore } from '../ports/secret-store';
import type { RecordStore } from '../ports/record-store';
import type { AccessKeyFields } from '../../shared/access-keys/rules';
import type { AccessKeyRecord, AccessKeySummary, ReconcileReport, SecretStatus } from '../../shared/access-keys/types';
import { newAccessKeyId, newApiKey, newApiSecret } from './credentials';
import { fingerprintOf } from '../key-files/fingerprint';
import { isKeychainError } from '../keychain-errors';
import { assertMayChangeKeychain } from './keychain-guards';
import { createAccessKeyList } from './list-window';
import type { AccessKeyOrder, ListWindow } from '../../shared/lists/window';
import { createLateWrites } from './late-writes';
import { reconcileKeychain } from './reconcile';

export { ORPHAN_SCAN_LIMIT } from './reconcile';

export interface AccessKeyServiceDeps {
  store: RecordStore;
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
  const lateWrites = createLateWrites();
  const listed = createAccessKeyList();

  /** Asks the keychain; one that cannot be read marks the key's secret unreadable (not missing) and throws. */
  async function fromKeychain<T>(id: string, question: Promise<T>): Promise<T> {
    try {
      return await question;
    } catch (error) {
      if (isKeychainError(error)) secretStatus.set(id, 'unreadable');
      throw error;
    }
  }
  const readSecret = (id: string): Promise<string | null> => fromKeychain(id, secrets.get(id));
  // Presence only: the secret stays on the keychain's side.
  const hasSecret = (id: string): Promise<boolean> => fromKeychain(id, secrets.has(id));

  const summarise = (record: AccessKeyRecord): AccessKeySummary => ({
    ...record,
    secretStatus: secretStatus.get(record.id) ?? 'unchecked',
    fingerprint: fingerprintOf(record.apiKey),
  });

  function find(id: string): AccessKeyRecord {
    const record = store.index('accessKeyById').get(id);
    if (!record) throw new AppError('NOT_FOUND', 'This access key no longer exists. It may have been deleted in another window.', { reason: 'accessKeyGone' });
    return record;
  }

  function assertNameFree(name: string, exceptId?: string): void {
    const clash = store.index('accessKeyByName').get(name.toLowerCase());
    if (clash && clash.id !== exceptId) {
      throw new AppError('NAME_TAKEN', `An access key named "${clash.name}" already exists.`, {
        reason: 'accessKeyNameTaken',
        params: { name: clash.name },
        fields: { name: 'This name is already used by another access key (names ignore case).' },
        fieldReasons: { name: { reason: 'nameUsedByAccessKey', params: {} } },
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

  function secretMissing(id: string): AppError {
    secretStatus.set(id, 'missing');
    return new AppError(
      'SECRET_MISSING',
      'The APISecret of this access key is not in the OS keychain (it may have been removed outside Gatekey). Re-enter it in Health if you still have it, or delete the key.',
      { reason: 'accessKeySecretMissing' },
    );
  }

  async function secretOf(id: string): Promise<string> {
    find(id);
    const secret = await readSecret(id);
    if (secret === null) throw secretMissing(id);
    secretStatus.set(id, 'present');
    return secret;
  }

  return {
    /** Every key (the CLI's `gatekey keys`); the window asks for windows (`query`). */
    list(): AccessKeySummary[] {
      return store.read().accessKeys.map(summarise);
    },

    /** One window of the list as searched and ordered; only its rows are summarised. */
    query(request: { search: string; order: AccessKeyOrder; offset: number; limit: number }): ListWindow<AccessKeySummary> {
      return listed.window({ records: store.read().accessKeys }, request, (keys) => keys.map(summarise));
    },

    /** The names of the keys still here among `ids` (Health names its findings); IDs with no key are left out. */
    names(ids: readonly string[]): Array<{ id: string; name: string }> {
      const byId = store.index('accessKeyById');
      return ids.flatMap((id) => {
        const key = byId.get(id);
        return key ? [{ id, name: key.name }] : [];
      });
    },

    get(id: string): AccessKeySummary {
      return summarise(find(id));
    },

    async create(fields: AccessKeyFields): Promise<AccessKeySummary> {
      assertMayChangeKeychain(store);
      assertNameFree(fields.name);
      const { id, apiKey } = unusedCredentials();
      const timestamp = now().toISOString();
      const record: AccessKeyRecord = { id, apiKey, ...fields, createdAt: timestamp, updatedAt: timestamp };
      // Keychain first: if it is unavailable, nothing reaches the store.
      try {
        await secrets.set(id, newApiSecret());
      } catch (error) {
        // The write may have landed anyway (a timeout, a helper that crashed
        // after writing): the next reconciliation removes it if it did. Only a
        // keychain found locked before the call is known to hold nothing.
        if (isKeychainError(error) && error.code !== 'KEYCHAIN_LOCKED') lateWrites.remember(id);
        throw error;
      }
      try {
        await store.update((data) => {
          assertNameFree(fields.name); // again, inside the queue: another create may have won
          data.accessKeys.push(record);
        });
      } catch (error) {
        await secrets.delete(id).catch(() => lateWrites.remember(id));
        throw error;
      }
      secretStatus.set(id, 'present');
      return summarise(record);
    },

    async update(id: string, fields: AccessKeyFields): Promise<AccessKeySummary> {
      const updated = await store.update((data) => {
        const at = data.accessKeys.findIndex((key) => key.id === id);
        if (at < 0) throw new AppError('NOT_FOUND', 'This access key no longer exists. It may have been deleted in another window.', { reason: 'accessKeyGone' });
        assertNameFree(fields.name, id);
        const record = { ...data.accessKeys[at]!, ...fields, updatedAt: now().toISOString() };
        data.accessKeys[at] = record;
        return record;
      });
      return summarise(updated);
    },

    async delete(id: string): Promise<void> {
      assertMayChangeKeychain(store);
      find(id);
      // Refuse while the keychain cannot be read (locked, gone, slow): the
      // secret's presence must be known before its record goes.
      await hasSecret(id);
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

    /** Fails as revealSecret would (locked, unavailable, missing) without bringing the secret into main. */
    async checkSecret(id: string): Promise<void> {
      find(id);
      if (!(await hasSecret(id))) throw secretMissing(id);
      secretStatus.set(id, 'present');
    },

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
      assertMayChangeKeychain(store);
      const record = find(id);
      if (await hasSecret(id)) {
        throw new AppError('ALREADY_EXISTS', 'This access key still has its APISecret in the keychain; it was not replaced.', { reason: 'accessKeySecretPresent', existingId: id });
      }
      await secrets.set(id, secret);
      secretStatus.set(id, 'present');
      return summarise(record);
    },

    /** Health: removes a keychain entry that no access key record refers to. */
    async deleteOrphanSecret(account: string): Promise<void> {
      assertMayChangeKeychain(store);
      if (store.index('accessKeyById').has(account)) {
        throw new AppError('INVALID_INPUT', 'This keychain entry belongs to an access key; delete the access key instead.', { reason: 'keychainEntryOfAccessKey' });
      }
      if (!(await secrets.delete(account))) throw new AppError('NOT_FOUND', 'This keychain entry no longer exists.', { reason: 'keychainEntryGone' });
    },

    /** Health: makes a record for a keychain entry that lost it, from the APIKey the user still has. */
    async adoptOrphanSecret(account: string, apiKey: string, fields: AccessKeyFields): Promise<AccessKeySummary> {
      assertMayChangeKeychain(store);
      if (!(await secrets.has(account))) throw new AppError('NOT_FOUND', 'This keychain entry no longer exists.', { reason: 'keychainEntryGone' });
      const timestamp = now().toISOString();
      const record: AccessKeyRecord = { id: account, apiKey, ...fields, createdAt: timestamp, updatedAt: timestamp };
      await store.update((data) => {
        if (data.accessKeys.some((key) => key.id === account)) throw new AppError('ALREADY_EXISTS', 'An access key with this ID exists already.', { reason: 'accessKeyIdTaken', existingId: account });
        if (data.accessKeys.some((key) => key.apiKey === apiKey)) throw new AppError('ALREADY_EXISTS', 'Another access key has this APIKey.', { reason: 'apiKeyTaken', fields: { apiKey: 'Another access key has this APIKey.' } });
        assertNameFree(fields.name);
        data.accessKeys.push(record);
      });
      secretStatus.set(account, 'present');
      return summarise(record);
    },

    /** Compares keychain and store, in the background; see reconcileKeychain. */
    reconcile(includeOrphans?: boolean): Promise<ReconcileReport> {
      return reconcileKeychain({ store, secrets, secretStatus, lateWrites }, includeOrphans);
    },
  };
}

export type AccessKeyService = ReturnType<typeof createAccessKeyService>;
