import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { rename, unlink } from 'node:fs/promises';
import { cannotWriteReason, type CannotWrite } from './cannot-write';
import { EXCLUSIVE_CREATE } from './durable-write';
import { currentBootId } from './boot-id';
import { isBeingFilled, isStale, readLock, sameLock, type LockOwner, type SeenLock } from './lock-owner';
import { placeExclusively, writeNewFile } from './place-file';

export type { LockOwner } from './lock-owner';

export type LockResult =
  | { held: true; release(): Promise<void> }
  | { held: false; owner: LockOwner }
  /** The folder cannot be written at all (read-only, no permission, disk full): nothing was left behind. */
  | { held: false; cannotWrite: CannotWrite };

/** How long to wait for a racer that is taking over a stale lock to finish. */
const SETTLE_MS = 5_000;
export interface LockOptions {
  /** Judges the age of an unreadable lock (against its mtime); tests inject one. */
  now?: () => number;
  /** This boot's ID (see boot-id); tests inject one. */
  bootId?: string;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One writer per data folder, even when a second app instance slips past the
 * single-instance lock: the lock file names the process holding it.
 *
 * Race-free, also over a stale lock:
 * - The lock's content is written to a temp file of our own first, then
 *   hard-linked to the lock path: the link fails if a lock is there, and a
 *   lock is never seen half-written (or 0 bytes on a full disk).
 * - A lock left by a process that is gone is taken over only by whoever first
 *   creates `<lock>.takeover-<identity of that stale lock>` (again by link),
 *   and only after re-reading that the lock is still that very stale one; the
 *   rename that replaces it is then the only change anyone can make to it.
 *   Anyone who loses waits and reads the new owner. A claim left by a crash
 *   mid-takeover is itself stale and taken over the same way.
 * - An empty or unreadable lock is being filled in by a racer (on a file
 *   system without hard links it is created empty, then written) until it is
 *   a few seconds old; only then is it a crash's leftover.
 */
export async function acquireLock(path: string, options: LockOptions = {}): Promise<LockResult> {
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString(), nonce: randomUUID(), boot: options.bootId ?? currentBootId() };
  const text = JSON.stringify(me);
  const temp = `${path}.${me.nonce}.tmp`;
  try {
    await writeNewFile(temp, text, EXCLUSIVE_CREATE);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    const cannotWrite = cannotWriteReason(error);
    if (cannotWrite) return { held: false, cannotWrite };
    throw error;
  }
  try {
    return await raceFor(path, temp, me, text, options.now ?? Date.now);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

async function raceFor(path: string, temp: string, me: LockOwner, text: string, now: () => number): Promise<LockResult> {
  // Real time, not `now`: this waits for real racers.
  const deadline = Date.now() + SETTLE_MS;
  let last: SeenLock | null;
  for (;;) {
    if (await placeExclusively(temp, path)) return { held: true, release: () => releaseLock(path, text) };
    last = await readLock(path);
    if (last?.owner && !isStale(last, me, now())) return { held: false, owner: last.owner };
    const beingFilled = last !== null && isBeingFilled(last, now());
    if (last && !beingFilled && (await takeOver(path, last, temp, me, now, 0))) return { held: true, release: () => releaseLock(path, text) };
    if (Date.now() > deadline) break;
    await pause(10 + Math.random() * 40); // someone else is filling it in or taking it over: let them finish
  }
  return { held: false, owner: last?.owner ?? { pid: 0, host: 'unknown', since: 'unknown' } };
}

const claimPathOf = (target: string, seen: SeenLock) => `${target}.takeover-${seen.identity}`;

/** Replaces the stale lock `seen` at `target` with ours, if we are the one allowed to. */
async function takeOver(target: string, seen: SeenLock, temp: string, me: LockOwner, now: () => number, depth: number): Promise<boolean> {
  const claim = claimPathOf(target, seen);
  if (!(await placeExclusively(temp, claim))) {
    if (depth >= 2) return false;
    const other = await readLock(claim);
    // A live claim: someone else is taking over right now. A dead one: a crash mid-takeover; take the claim over first.
    if (!other || !isStale(other, me, now()) || !(await takeOver(claim, other, temp, me, now, depth + 1))) return false;
  }
  try {
    if (!sameLock(await readLock(target), seen)) return false; // already taken over and maybe released: start again
    const fresh = `${temp}.${depth}`;
    if (!(await placeExclusively(temp, fresh))) return false;
    try {
      await rename(fresh, target);
    } finally {
      await unlink(fresh).catch(() => undefined);
    }
    return true;
  } finally {
    // Safe to drop now: whoever claims this identity later finds the target changed.
    await unlink(claim).catch(() => undefined);
  }
}

/** Lets go only of our own lock: one taken over by someone else (who judged us gone) is theirs. */
async function releaseLock(path: string, text: string): Promise<void> {
  const seen = await readLock(path).catch(() => null);
  if (seen?.bytes.toString('utf8') === text) await unlink(path).catch(() => undefined);
}
