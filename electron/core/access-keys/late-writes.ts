import type { SecretStore } from '../ports/secret-store';

/**
 * Keychain writes that timed out: the keychain may still carry them out later,
 * leaving a secret that nobody ever saw and no record refers to. Kept in memory
 * only: after a restart, Health's orphan scan lists whatever is left.
 */
export function createLateWrites() {
  const pending = new Set<string>();
  return {
    remember(account: string): void {
      pending.add(account);
    },
    /** Removes each remembered entry that has landed and that no record took; answers their accounts. */
    async sweep(secrets: SecretStore, hasRecord: (account: string) => boolean): Promise<string[]> {
      const removed: string[] = [];
      for (const account of [...pending]) {
        if (hasRecord(account)) {
          pending.delete(account);
        } else if (await secrets.delete(account)) {
          pending.delete(account);
          removed.push(account);
        }
      }
      return removed;
    },
  };
}

export type LateWrites = ReturnType<typeof createLateWrites>;
