/** When the journal is folded into new snapshots (see compaction.ts); tests make it small. */
export interface CompactionOptions {
  /** Entries since the snapshots that start a compaction. */
  entries?: number;
  /** Journal bytes since the snapshots that start a compaction. */
  bytes?: number;
  /** Told each step of a compaction as it completes (tests crash the process there). */
  onStep?: (step: CompactionStep) => void | Promise<void>;
}

export type CompactionStep = 'rotated' | `snapshot:${string}` | 'backedUp' | 'committed' | 'cleaned';

export const COMPACT_AT_ENTRIES = 5_000;
export const COMPACT_AT_BYTES = 4 * 1024 * 1024;
/** After a failed compaction (disk full...), this long before the next try: saves go on meanwhile. */
export const COMPACTION_PAUSE_MS = 60_000;
