import { constants } from 'node:fs';
import { lstat, open, rename } from 'node:fs/promises';
import { compactRefusals } from './secret-access-compaction';

export const SECRET_ACCESS_LOG_FILE = 'secret-access.log';
/**
 * Past this size refusal lines are compacted into one; only when the reveals
 * and copies themselves fill it does the log move to `secret-access.log.1`
 * (replacing the older one) and start again.
 */
export const MAX_SECRET_ACCESS_LOG_BYTES = 256 * 1024;

export type SecretAccessAction = 'reveal' | 'copy';

/**
 * One reveal or copy that went ahead (or failed). Never the secret, nor
 * anything derived from it: the log says who asked for which key's secret and
 * what came of it.
 */
export interface SecretAccessEntry {
  action: SecretAccessAction;
  keyId: string;
  /** The access key's name when the key exists. */
  name?: string;
  /** 'done' or 'failed: <error code>'. */
  outcome: string;
}

/** Every refusal of one limiter window, in one line: refused `count` times since `since`. */
export interface RefusalSummary {
  outcome: 'refused: RATE_LIMITED';
  count: number;
  /** ISO time of the first refusal counted. */
  since: string;
  actions: SecretAccessAction[];
  /** The keys asked for (the first few). */
  keyIds: string[];
}

// O_NOFOLLOW: a symlink planted at the log path is refused, never written through (0 where the OS has none).
const APPEND_FLAGS = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | (constants.O_NOFOLLOW ?? 0);

/**
 * The JSON-lines record of every reveal and copy of an APISecret, written by
 * main into the data folder: owner-only (0600), each line fsync'd before the
 * secret leaves main, size-capped. Appends are queued so a burst cannot
 * interleave lines or race the compaction and rotation.
 */
export function createSecretAccessLog({ file, maxBytes = MAX_SECRET_ACCESS_LOG_BYTES, now = () => new Date() }: { file: string; maxBytes?: number; now?: () => Date }) {
  let queue: Promise<void> = Promise.resolve();

  async function makeRoom(incoming: number): Promise<void> {
    const size = await lstat(file).then((stats) => stats.size, () => 0);
    if (size === 0 || size + incoming <= maxBytes) return;
    // Refusals go first: a page that hammers the budget must never push the real reveals out.
    const compacted = await compactRefusals(file, now());
    if (compacted + incoming > maxBytes) await rename(file, `${file}.1`);
  }

  async function append(line: string): Promise<void> {
    await makeRoom(Buffer.byteLength(line));
    const handle = await open(file, APPEND_FLAGS, 0o600);
    try {
      // The mode of open() applies only to a new file: an older, wider one is narrowed.
      if (process.platform !== 'win32') await handle.chmod(0o600);
      await handle.appendFile(line);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  return {
    /** Appends one line; rejects when it could not be written. */
    record(entry: SecretAccessEntry | RefusalSummary): Promise<void> {
      const line = `${JSON.stringify({ time: now().toISOString(), ...entry })}\n`;
      const written = queue.then(() => append(line));
      queue = written.catch(() => undefined);
      return written;
    },
  };
}

export type SecretAccessLog = ReturnType<typeof createSecretAccessLog>;
