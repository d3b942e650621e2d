import type { Collection, StoreChanges } from './changes';

// The window may import types from this file only: it re-exports what the status carries.
export type { ChangeList, Collection, StoreChanges } from './changes';

/** Why the store opened read-only; the window words each one. */
export type ReadOnlyCause = 'anotherInstance' | 'readOnlyFolder' | 'diskFull' | 'requested' | 'lockFailed';

/** What restoring the newest valid backup would do, said before the user confirms. */
export interface RestorePreview {
  /** File name of the backup in the backups folder. */
  backup: string;
  /** How many records of each kind the backup holds. */
  backupHolds: Record<Collection, number>;
  /** What the current file holds that the backup does not (deleted), differently (edited), or lacks (created = brought back). Null when the damaged file cannot be read at all. */
  changes: StoreChanges | null;
}

/**
 * Whether the metadata store can be used, and if not why; shown to the user.
 * Anything but 'ok' means read-only: Gatekey will not write the file.
 */
export type StoreStatus =
  | { state: 'ok'; file: string; unsaved?: { problem: string; since: string } }
  /** The file is damaged, unknown, from a newer Gatekey, or not a regular file: kept untouched. */
  | { state: 'unreadable'; file: string; problem: string; backupAvailable: boolean; restore?: RestorePreview }
  /** Another Gatekey process holds the data folder, or the folder cannot be written (read-only, disk full). */
  | { state: 'readOnly'; file: string; problem: string; cause?: ReadOnlyCause }
  /** Something else changed the file since Gatekey read it: the user decides. `unsavedChanges` is what Reload would drop. */
  | { state: 'conflict'; file: string; problem: string; unsavedChanges?: StoreChanges };

/** What resolving a conflict dropped; nothing for "overwrite". */
export interface ConflictResolution {
  /** This session's changes that were not saved and are gone now (null: nothing was dropped). */
  dropped: StoreChanges | null;
  /** Access keys whose records the reload dropped; their APISecrets are still in the keychain, to adopt from Health. */
  keysToAdopt: Array<{ id: string; name: string; apiKey: string }>;
}
