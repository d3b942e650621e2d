/**
 * Where APISecrets live. Implementations must keep them in the OS keychain
 * only, and throw AppError('KEYCHAIN_UNAVAILABLE') when it cannot be reached.
 * Never log a secret passed to or returned from these methods.
 */
export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** Resolves false when there was nothing to delete. */
  delete(account: string): Promise<boolean>;
  /** Every account under this store's service name (slow: scans the keychain). */
  accounts(): Promise<string[]>;
}
