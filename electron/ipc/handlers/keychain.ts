import type { AccessKeyService } from '../../core/access-keys/service';
import { checkKeychain, checkKeychainReadOnly } from '../../core/keychain-check';
import type { RecordStore } from '../../core/ports/record-store';
import type { SecretStore } from '../../core/ports/secret-store';
import type { Handlers } from '../dispatch';

export function keychainHandlers({ accessKeys, store, secrets }: { accessKeys: AccessKeyService; store: RecordStore; secrets: SecretStore }): Handlers['keychain'] {
  return {
    // A read-only instance never writes to the keychain, not even a probe.
    check: () => (store.status.state === 'ok' ? checkKeychain(secrets) : checkKeychainReadOnly(secrets)),
    getState: () => secrets.state(),
    reconcile: ({ includeOrphans }) => accessKeys.reconcile(includeOrphans),
    restoreSecret: ({ id, secret }) => accessKeys.restoreSecret(id, secret),
    deleteOrphan: async ({ account }) => {
      await accessKeys.deleteOrphanSecret(account);
      return { account };
    },
    adoptOrphan: ({ account, apiKey, ...fields }) => accessKeys.adoptOrphanSecret(account, apiKey, fields),
  };
}
