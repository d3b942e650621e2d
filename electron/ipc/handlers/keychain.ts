import type { AccessKeyService } from '../../core/access-keys/service';
import { checkKeychain, checkKeychainReadOnly } from '../../core/keychain-check';
import type { RecordStore } from '../../core/ports/record-store';
import type { SecretStore } from '../../core/ports/secret-store';
import type { ReconcileReport } from '../../shared/access-keys/types';
import { MAX_WINDOW_ROWS } from '../../shared/lists/window';
import type { Handlers } from '../dispatch';

/**
 * The report as the window gets it: at most MAX_WINDOW_ROWS findings of each kind, and how many
 * more there are. An empty keychain beside 10,000 keys is 10,000 findings; Health lists a window's
 * worth, and the rest show once those are fixed (the CLI gets the whole report from the service).
 */
export function boundedReport(report: ReconcileReport): ReconcileReport {
  const more = { missingSecretIds: Math.max(0, report.missingSecretIds.length - MAX_WINDOW_ROWS), orphanAccounts: Math.max(0, report.orphanAccounts.length - MAX_WINDOW_ROWS) };
  if (more.missingSecretIds === 0 && more.orphanAccounts === 0) return report;
  return { ...report, missingSecretIds: report.missingSecretIds.slice(0, MAX_WINDOW_ROWS), orphanAccounts: report.orphanAccounts.slice(0, MAX_WINDOW_ROWS), notListed: more };
}

export function keychainHandlers({ accessKeys, store, secrets }: { accessKeys: AccessKeyService; store: RecordStore; secrets: SecretStore }): Handlers['keychain'] {
  return {
    // A read-only instance never writes to the keychain, not even a probe.
    check: () => (store.status.state === 'ok' ? checkKeychain(secrets) : checkKeychainReadOnly(secrets)),
    getState: () => secrets.state(),
    reconcile: async ({ includeOrphans }) => boundedReport(await accessKeys.reconcile(includeOrphans)),
    restoreSecret: ({ id, secret }) => accessKeys.restoreSecret(id, secret),
    deleteOrphan: async ({ account }) => {
      await accessKeys.deleteOrphanSecret(account);
      return { account };
    },
    adoptOrphan: ({ account, apiKey, ...fields }) => accessKeys.adoptOrphanSecret(account, apiKey, fields),
  };
}
