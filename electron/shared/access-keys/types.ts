import type { z } from 'zod';
import type { KeychainState } from '../keychain-state';
import type { accessKeyRecord } from './rules';

/** What the store keeps of an access key. Never the APISecret. */
export type AccessKeyRecord = z.infer<typeof accessKeyRecord>;

/**
 * Whether the key's APISecret was found in the keychain. `unchecked` until the
 * background reconciliation has run: listing never touches the keychain.
 * `missing` only when the keychain was read and the entry is not there;
 * `unreadable` when the keychain is locked, unavailable or timed out, so the
 * secret may well be there and nothing may advise deleting the key.
 */
export type SecretStatus = 'unchecked' | 'present' | 'missing' | 'unreadable';

/** What leaves the main process about an access key. Never the APISecret. */
export interface AccessKeySummary extends AccessKeyRecord {
  secretStatus: SecretStatus;
  /** First 8 hex of SHA-256(APIKey), to confirm a handoff out of band. */
  fingerprint: string;
}

export interface ReconcileReport {
  /** Keys whose record exists but whose secret is not in the keychain. */
  missingSecretIds: string[];
  /** Keychain accounts under Gatekey's service with no record in the store. */
  orphanAccounts: string[];
  /** Whether the (slow) scan for orphan entries ran; it is skipped at start-up for large keychains. */
  orphansChecked: boolean;
  /** The keychain's state when the pass ran; unless `ready`, nothing was called missing. */
  keychain: KeychainState;
  /** Entries written by a create that timed out and landed later, removed (nobody ever saw those secrets). */
  lateWritesRemoved: string[];
  /**
   * Findings found but not listed above, when there were more than one answer to the window carries
   * (keychain.reconcile lists at most MAX_WINDOW_ROWS of each kind). Absent when every finding is listed.
   */
  notListed?: { missingSecretIds: number; orphanAccounts: number };
}
