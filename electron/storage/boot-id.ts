import { readFileSync } from 'node:fs';
import { uptime } from 'node:os';

/**
 * Which boot of this machine a process started in, for telling whether a PID
 * in a lock is from before a reboot. Not a wall-clock comparison: a clock
 * correction (NTP, a suspended laptop) must not make a live lock look stale.
 * Linux names each boot (`boot_id`); elsewhere the boot time, which a clock
 * correction shifts, so it is compared with a generous margin.
 */
const TIME_PREFIX = 'time:';
const BOOT_TIME_MARGIN_MS = 5 * 60 * 1000;

export function currentBootId(): string {
  try {
    const id = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    if (id) return id;
  } catch {
    // not Linux (or no /proc): fall back to the boot time
  }
  return `${TIME_PREFIX}${Math.round(Date.now() - uptime() * 1000)}`;
}

/** Whether two boot IDs (as `currentBootId` gave them) name the same boot. */
export function sameBoot(a: string, b: string): boolean {
  if (a.startsWith(TIME_PREFIX) && b.startsWith(TIME_PREFIX)) {
    return Math.abs(Number(a.slice(TIME_PREFIX.length)) - Number(b.slice(TIME_PREFIX.length))) <= BOOT_TIME_MARGIN_MS;
  }
  return a === b;
}
