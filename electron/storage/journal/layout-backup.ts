import { lstat, mkdir, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { backupFolderOf, backupStem } from '../backups';
import { placeExclusively } from '../place-file';
import { lstatOrNull } from '../regular-file';
import type { StoreLayout } from './layout';

/** Same-millisecond backups get `-2`, `-3`...: far more than two saves could ever make in one millisecond. */
const MOST_IN_ONE_MILLISECOND = 1000;

/**
 * Keeps a previous state of a journaled store (its manifest, snapshots and
 * journals, by name) as a backup folder `backups/gatekey-store-<time>/`:
 * hard links, so it costs no copy; a copy where links fail. The folder is
 * filled under a dot-name and renamed into place, so a listed backup is whole.
 * Another backup of the same millisecond never makes this one be skipped: it
 * gets a name of its own, since the caller deletes what it holds next.
 * `withManifest: false` keeps files no manifest lists (it was lost, or an
 * older Gatekey put its single file there): that folder is no valid backup to
 * restore, but it keeps them.
 * Names that are no regular file now (a link, FIFO or folder planted there)
 * are not data: they are left out. Returns the layout of the backup folder.
 */
export async function keepLayoutBackup(layout: StoreLayout, names: readonly string[], at: Date, { withManifest = true } = {}): Promise<StoreLayout> {
  const folder = backupFolderOf(layout.manifest);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  // A link planted in place of the folder would send copies of the store elsewhere.
  if (!(await lstat(folder)).isDirectory()) throw new Error(`${folder} is not a folder`);
  const stem = backupStem(layout.manifest, at);
  const partial = join(folder, `.${stem}.partial`);
  await rm(partial, { recursive: true, force: true }); // left by a crash
  await mkdir(partial, { mode: 0o700 });
  try {
    const files = new Set([...(withManifest ? [basename(layout.manifest)] : []), ...names]);
    for (const file of files) {
      if (!(await lstatOrNull(layout.path(file)))?.isFile()) continue;
      await placeExclusively(layout.path(file), join(partial, file));
    }
    for (let n = 1; n <= MOST_IN_ONE_MILLISECOND; n += 1) {
      const target = join(folder, n === 1 ? stem : `${stem}-${n}`);
      if (await lstatOrNull(target)) continue; // rename would replace an empty folder there: never take a taken name
      await rename(partial, target);
      return layout.in(target);
    }
    throw Object.assign(new Error(`Too many backups at ${stem}`), { code: 'EEXIST' });
  } catch (error) {
    await rm(partial, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
}
