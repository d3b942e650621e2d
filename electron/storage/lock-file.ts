import { hostname, uptime } from 'node:os';
import { open, readFile, unlink } from 'node:fs/promises';

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export type LockResult = { held: true; release(): Promise<void> } | { held: false; owner: LockOwner };

/**
 * One writer per data folder, even when a second app instance slips past the
 * single-instance lock: the lock file names the process holding it. A lock
 * left by a process that is gone (a crash) is taken over.
 */
export async function acquireLock(path: string): Promise<LockResult> {
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(path, 'wx', 0o600);
      await handle.writeFile(JSON.stringify(me));
      await handle.close();
      return { held: true, release: () => unlink(path).catch(() => undefined) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let owner: LockOwner | undefined;
    try {
      owner = JSON.parse(await readFile(path, 'utf8')) as LockOwner;
    } catch {
      owner = undefined; // half-written by a crash: stale
    }
    // A PID from before this boot belongs to a crashed Gatekey, whatever runs under that number now.
    const bootedAt = Date.now() - uptime() * 1000;
    const sameBoot = owner !== undefined && Date.parse(owner.since) >= bootedAt;
    if (owner && owner.host === me.host && sameBoot && isAlive(owner.pid)) return { held: false, owner };
    if (owner && owner.host !== me.host) return { held: false, owner }; // another machine (shared folder): cannot tell, so do not take it
    await unlink(path).catch(() => undefined);
  }
  throw new Error('could not take the data folder lock');
}
