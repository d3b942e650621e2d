/**
 * What Gatekey knows of the keychain without reading any secret. `message`
 * names the cause and the fix in the user's words.
 */
export type KeychainState =
  | { state: 'ready' }
  | { state: 'locked'; message: string }
  | { state: 'unavailable'; message: string }
  | { state: 'timeout'; message: string };

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
  state(): Promise<KeychainState>;
  /** Lets a call in flight finish (briefly), then releases what the store holds (a helper process, a bus connection) so a CLI can exit at once; every later call fails. */
  close(): Promise<void>;
}
