import { constants } from 'node:fs';
import { copyFile, link, lstat, mkdir, readdir, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseStoreFile, type ParsedStore } from './parse-store-file';
import { readRegularFile, STORE_READ_LIMIT } from './regular-file';

export const BACKUP_FOLDER = 'backups';
const KEEP_LATEST = 5;
const KEEP_DAYS = 7;

export const backupFolderOf = (file: string): string => join(dirname(file), BACKUP_FOLDER);

/** `gatekey-store-2026-11-29T10-11-12-345Z.json`: sortable, and safe on every file system. */
const backupName = (file: string, at: Date) => `${basename(file, '.json')}-${at.toISOString().replace(/[:.]/g, '-')}.json`;

/**
 * Keeps the file as it is now (before it is replaced) in the backups folder.
 * A hard link costs no copy: the rename that follows leaves this inode to the
 * backup alone. File systems without hard links get a copy.
 */
export async function keepBackup(file: string, at: Date): Promise<void> {
  const folder = backupFolderOf(file);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  // A link planted in place of the folder would send copies of the store elsewhere.
  if (!(await lstat(folder)).isDirectory()) throw new Error(`${folder} is not a folder`);
  const target = join(folder, backupName(file, at));
  try {
    await link(file, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return; // nothing saved yet
    if (code === 'EEXIST') return; // two saves in the same millisecond: the first one is kept
    await copyFile(file, target, constants.COPYFILE_EXCL); // never through something planted at the target
  }
}

/** Backups of this store, newest first. */
export async function listBackups(file: string): Promise<string[]> {
  const prefix = `${basename(file, '.json')}-`;
  try {
    const names = (await readdir(backupFolderOf(file))).filter((name) => name.startsWith(prefix) && name.endsWith('.json'));
    return names.sort().reverse().map((name) => join(backupFolderOf(file), name));
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
    const stamp = /-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.json$/.exec(path);
    if (!stamp) continue;
    const at = Date.parse(`${stamp[1]}T${stamp[2]}:${stamp[3]}:${stamp[4]}.${stamp[5]}Z`);
    if (at >= oldest && !daysSeen.has(stamp[1]!)) {
      daysSeen.add(stamp[1]!);
      keep.add(path);
    }
  }
  await Promise.all(backups.filter((path) => !keep.has(path)).map((path) => unlink(path).catch(() => undefined)));
}

/** The newest backup that opens as a valid store, if any. A FIFO, link or folder among them is skipped unopened. */
export async function newestValidBackup(file: string): Promise<{ path: string; bytes: Buffer; parsed: ParsedStore } | undefined> {
  for (const path of await listBackups(file)) {
    try {
      const found = await readRegularFile(path, STORE_READ_LIMIT);
      if (!found) continue;
      return { path, bytes: found.bytes, parsed: parseStoreFile(found.bytes.toString('utf8')) };
    } catch {
      // damaged too, or not a file: try the next older one
    }
  }
  return undefined;
}
