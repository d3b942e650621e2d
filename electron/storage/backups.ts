import { constants } from 'node:fs';
import { copyFile, link, lstat, mkdir, readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { StoreData } from '../shared/store/schema';
import { loadStore } from './journal/load-store';
import { StoreLayout } from './journal/layout';
import { parseStoreFile } from './parse-store-file';
import { readRegularFile, STORE_READ_LIMIT } from './regular-file';

export const BACKUP_FOLDER = 'backups';
const KEEP_LATEST = 5;
const KEEP_DAYS = 7;

export const backupFolderOf = (file: string): string => join(dirname(file), BACKUP_FOLDER);

/** `gatekey-store-2026-11-29T10-11-12-345Z`: sortable, and safe on every file system. */
export const backupStem = (file: string, at: Date): string => `${basename(file, '.json')}-${at.toISOString().replace(/[:.]/g, '-')}`;

/**
 * Keeps a single-file store as it is now (before it is migrated or replaced)
 * in the backups folder, as `gatekey-store-<time>.json`. A hard link costs no
 * copy: the rename that follows leaves this inode to the backup alone. File
 * systems without hard links get a copy. (A journaled store is kept as a
 * folder at each compaction: journal/layout-backup.ts.)
 */
export async function keepBackup(file: string, at: Date): Promise<void> {
  const folder = backupFolderOf(file);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  // A link planted in place of the folder would send copies of the store elsewhere.
  if (!(await lstat(folder)).isDirectory()) throw new Error(`${folder} is not a folder`);
  const target = join(folder, `${backupStem(file, at)}.json`);
  try {
    await link(file, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return; // nothing saved yet
    if (code === 'EEXIST') return; // two saves in the same millisecond: the first one is kept
    await copyFile(file, target, constants.COPYFILE_EXCL); // never through something planted at the target
  }
}

/** A backup's time, and the number a second backup of the same millisecond gets (`…-345Z-2`): see journal/layout-backup.ts. */
const TIME = /-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z(?:-([2-9]|[1-9]\d{1,5}))?(?:\.json)?$/;

/** Sorts as the backups were taken: by time, then by that number. */
const orderOf = (name: string): string => {
  const [, day, h, m, s, ms, n] = TIME.exec(name) ?? [];
  return `${day}T${h}${m}${s}${ms}#${(n ?? '1').padStart(6, '0')}`;
};

/** Backups of this store, newest first: folders (journaled) and `.json` files (single-file stores, Gatekey before schemaVersion 4). */
export async function listBackups(file: string): Promise<string[]> {
  const prefix = `${basename(file, '.json')}-`;
  try {
    const names = (await readdir(backupFolderOf(file))).filter((name) => name.startsWith(prefix) && TIME.test(name));
    return names.sort((a, b) => (orderOf(a) < orderOf(b) ? 1 : orderOf(a) > orderOf(b) ? -1 : 0)).map((name) => join(backupFolderOf(file), name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** The last 5 backups, plus the newest of each of the last 7 days; the rest are deleted. */
export async function pruneBackups(file: string, now: Date): Promise<void> {
  const backups = await listBackups(file);
  const keep = new Set(backups.slice(0, KEEP_LATEST));
  const oldest = now.getTime() - KEEP_DAYS * 24 * 60 * 60 * 1000;
  const daysSeen = new Set<string>();
  for (const path of backups) {
    const stamp = TIME.exec(path);
    if (!stamp) continue;
    const at = Date.parse(`${stamp[1]}T${stamp[2]}:${stamp[3]}:${stamp[4]}.${stamp[5]}Z`);
    if (at >= oldest && !daysSeen.has(stamp[1]!)) {
      daysSeen.add(stamp[1]!);
      keep.add(path);
    }
  }
  // rm never follows a link: whatever sits at a backup's name, only that name goes.
  await Promise.all(backups.filter((path) => !keep.has(path)).map((path) => rm(path, { recursive: true, force: true }).catch(() => undefined)));
}

export type ValidBackup = { path: string; data: StoreData } & ({ kind: 'file'; bytes: Buffer } | { kind: 'folder'; layout: StoreLayout });

/** The newest backup that opens as a valid store, if any. A FIFO, link or anything damaged among them is skipped unopened. */
export async function newestValidBackup(file: string): Promise<ValidBackup | undefined> {
  const layout = new StoreLayout(file);
  for (const path of await listBackups(file)) {
    try {
      const info = await lstat(path);
      if (info.isDirectory()) {
        const inFolder = layout.in(path);
        const loaded = await loadStore(inFolder);
        if (loaded) return { path, kind: 'folder', layout: inFolder, data: loaded.data };
        continue;
      }
      const found = await readRegularFile(path, STORE_READ_LIMIT);
      if (!found) continue;
      return { path, kind: 'file', bytes: found.bytes, data: parseStoreFile(found.bytes.toString('utf8')).data };
    } catch {
      // damaged too, or not a file: try the next older one
    }
  }
  return undefined;
}
