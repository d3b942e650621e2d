import { uptime } from 'node:os';
import { sameBoot } from './boot-id';
import { sha256 as sha256Of } from './journal/file-seen';
import { FileTooLarge, readRegularFile } from './regular-file';

export interface LockOwner {
  pid: number;
  host: string;
  since: string;
  /** Unique per start: two locks by the same process never read the same. */
  nonce?: string;
  /** The boot the process started in (see boot-id); absent in locks by older Gatekeys. */
  boot?: string;
}

/** A lock file as read: its exact bytes and inode name this one lock, whoever wrote it. */
export interface SeenLock {
  ino: number;
  bytes: Buffer;
  /** When it was last written: a lock not yet filled in is young. */
  mtimeMs: number;
  /** Undefined when the content is not a lock Gatekey wrote (being filled in right now, or half-written by a crash). */
  owner: LockOwner | undefined;
  identity: string;
}

/** A lock is a few hundred bytes: anything bigger was not written by Gatekey and is not read. */
export const LOCK_READ_LIMIT = 4 * 1024;

/**
 * How long an empty or unreadable lock counts as being filled in by a live
 * racer: without hard links, the lock is created empty by an exclusive copy
 * and filled just after. Only older than this is it a crash's leftover.
 */
export const UNFILLED_LOCK_GRACE_MS = 5_000;

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

function parseOwner(bytes: Buffer): LockOwner | undefined {
  try {
    const owner = JSON.parse(bytes.toString('utf8')) as Partial<LockOwner>;
    if (typeof owner.pid !== 'number' || typeof owner.host !== 'string' || typeof owner.since !== 'string') return undefined;
    return owner.boot === undefined || typeof owner.boot === 'string' ? (owner as LockOwner) : undefined;
  } catch {
    return undefined;
  }
}

export async function readLock(path: string): Promise<SeenLock | null> {
  try {
    const found = await readRegularFile(path, LOCK_READ_LIMIT);
    if (!found) return null;
    const { ino, mtimeMs } = found.info;
    return { ino, mtimeMs, bytes: found.bytes, owner: parseOwner(found.bytes), identity: `${ino}-${sha256Of(found.bytes).slice(0, 16)}` };
  } catch (error) {
    if (!(error instanceof FileTooLarge)) throw error;
    const { ino, mtimeMs, size } = error.info;
    return { ino, mtimeMs, bytes: Buffer.alloc(0), owner: undefined, identity: `${ino}-big-${size}-${Math.round(mtimeMs)}` };
  }
}

export const sameLock = (a: SeenLock | null, b: SeenLock): boolean => a !== null && a.ino === b.ino && a.bytes.equals(b.bytes) && a.identity === b.identity;

/** An empty or unreadable lock that is still young: a racer is filling it in. */
export const isBeingFilled = (seen: SeenLock, now: number): boolean => seen.owner === undefined && now - seen.mtimeMs < UNFILLED_LOCK_GRACE_MS;

/**
 * Left by a process that is gone: a crash, or a PID from before this boot
 * (whatever runs under that number now). An unreadable lock is stale only
 * once it is no longer young (see isBeingFilled).
 */
export function isStale(seen: SeenLock, me: LockOwner, now: number): boolean {
  const owner = seen.owner;
  if (!owner) return !isBeingFilled(seen, now);
  if (owner.host !== me.host) return false; // another machine (shared folder): cannot tell, so never take it
  return !(startedThisBoot(owner, me) && isAlive(owner.pid));
}

function startedThisBoot(owner: LockOwner, me: LockOwner): boolean {
  if (owner.boot !== undefined && me.boot !== undefined) return sameBoot(owner.boot, me.boot);
  // A lock by an older Gatekey: only the wall clock can tell.
  return Date.parse(owner.since) >= Date.now() - uptime() * 1000;
}
