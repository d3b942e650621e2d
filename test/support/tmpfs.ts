import { execFileSync } from 'node:child_process';

/**
 * Root on Linux can mount a real 64 KiB tmpfs: a disk that fills up, or is
 * remounted read-only, for real. Elsewhere the tests that need one do not run
 * (CI here is root on Linux, so they do).
 */
export const canMountTmpfs = ((): boolean => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  try {
    const probe = execFileSync('mktemp', ['-d']).toString().trim();
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]);
    execFileSync('umount', [probe]);
    return true;
  } catch {
    return false;
  }
})();
