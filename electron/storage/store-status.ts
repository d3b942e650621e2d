/**
 * Whether the metadata store can be used, and if not why; shown to the user.
 * Anything but 'ok' means read-only: Gatekey will not write the file.
 */
export type StoreStatus =
  | { state: 'ok'; file: string; unsaved?: { problem: string; since: string } }
  /** The file is damaged, unknown or from a newer Gatekey: kept untouched. */
  | { state: 'unreadable'; file: string; problem: string; backupAvailable: boolean }
  /** Another Gatekey process holds the data folder. */
  | { state: 'readOnly'; file: string; problem: string }
  /** Something else changed the file since Gatekey read it: the user decides. */
  | { state: 'conflict'; file: string; problem: string };
