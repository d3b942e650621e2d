import type { ErrorReason, MessageParams } from '../../shared/errors';
import type { KeychainState } from '../../shared/keychain-state';

export type { KeychainState };

/** A state as a store reports it: an unreadable one always names its message's reason, so it can be raised again as the very same error. */
export type ReportedKeychainState = Extract<KeychainState, { state: 'ready' }> | (Exclude<KeychainState, { state: 'ready' }> & { reason: ErrorReason; params: MessageParams });

/**
 * Where APISecrets live. Implementations keep them in the OS keychain only and
 * fail with KEYCHAIN_LOCKED, KEYCHAIN_TIMEOUT or KEYCHAIN_UNAVAILABLE, never
 * with an answer that could be mistaken for "not there".
 * Never log a secret passed to or returned from these methods.
 */
export interface SecretStore {
  /** null only when the keychain was read and holds no such entry; a locked entry throws KEYCHAIN_LOCKED. */
  get(account: string): Promise<string | null>;
  /** Whether the entry is there, without the secret leaving the keychain side; a locked entry throws KEYCHAIN_LOCKED. */
  has(account: string): Promise<boolean>;
  set(account: string, secret: string): Promise<void>;
  /** Resolves false when there was nothing to delete; a locked entry throws KEYCHAIN_LOCKED. */
  delete(account: string): Promise<boolean>;
  /** Every account under this store's service name (slow: scans the keychain). Learns the lock state first, never crashes. */
  accounts(): Promise<string[]>;
  /** Cheap and safe in every state: reads no secret and makes no call that can crash the process. */
  state(): Promise<ReportedKeychainState>;
  /** Lets a call in flight finish (briefly), then releases what the store holds (a helper process, a bus connection) so a CLI can exit at once; every later call fails. */
  close(): Promise<void>;
}
