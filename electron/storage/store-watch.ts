import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { stampOf } from './disk-stamp';

export interface FileWatchOptions {
  /** Quiet time after the last notice before `check` runs: a save is several file operations. */
  debounceMs?: number;
  /** How often the file's stamp is polled, for file systems that send no notices (network shares). */
  pollMs?: number;
}

export interface FileWatch {
  close(): void;
}

/**
 * Calls `check` soon after `file` may have changed: on the folder's notices
 * for that name (a save renames a new file over the old one, which a watch on
 * the file itself would miss), and on a cheap stat poll where notices never
 * come. Bursts are debounced; one check runs at a time, and notices during it
 * queue one more. Neither the watch nor the timers keep the process alive.
 */
export function watchFile(
  file: string,
  check: () => Promise<unknown>,
  { debounceMs = 150, pollMs = 2_000 }: FileWatchOptions = {},
  /** Which names in the folder count (by default `file`'s own), and the stamp to poll (by default `file`'s). */
  watched: { names?: (name: string) => boolean; stamp?: () => Promise<string | null> } = {},
): FileWatch {
  const name = basename(file);
  const counts = watched.names ?? ((changed: string) => changed === name);
  const stamp = watched.stamp ?? (() => stampOf(file));
  let closed = false;
  let running = false;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  const schedule = () => {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(() => void run(), debounceMs);
    timer.unref?.();
  };
  const run = async () => {
    running = true;
    try {
      await check();
    } catch {
      // The check says what it found through the store's own callbacks; a failed one waits for the next notice.
    } finally {
      running = false;
      if (again) {
        again = false;
        schedule();
      }
    }
  };

  let watcher: FSWatcher | undefined;
  try {
    // Some platforms give no name: then any notice in the folder counts.
    watcher = watch(dirname(file), { persistent: false }, (_event, changed) => {
      if (changed === null || counts(changed)) schedule();
    });
    watcher.on('error', () => {
      watcher?.close();
      watcher = undefined;
    });
  } catch {
    // No folder yet, or no watches left (inotify's limit): the poll alone notices.
  }

  // The file as the watch began: the first poll compares with it, not with itself.
  let lastStamp: Promise<string | null | undefined> = stamp().catch(() => undefined);
  const poll = setInterval(() => {
    lastStamp = Promise.all([lastStamp, stamp().catch(() => undefined)]).then(([before, now]) => {
      if (now === undefined) return before;
      if (before !== undefined && now !== before) schedule();
      return now;
    });
  }, pollMs);
  poll.unref?.();

  return {
    close() {
      closed = true;
      clearTimeout(timer);
      clearInterval(poll);
      watcher?.close();
    },
  };
}
