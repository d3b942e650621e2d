import { constants } from 'node:fs';
import { copyFile, mkdir, rename, rm, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { AppError } from '../shared/errors';
import { newestValidBackup } from './backups';
import { syncFile, writeDurably } from './durable-write';
import { fileKindOf } from '../adapters/files/file-kind';
import { lstatOrNull, kindOf, readRegularFile, STORE_READ_LIMIT } from './regular-file';
import { COLLECTIONS, diffStores, type StoreCollections } from '../shared/store/changes';
import type { RestorePreview } from '../shared/store/status';
import { STORE_FILE_VERSION } from '../shared/store/schema';
import { readLayoutLeniently } from './journal/lenient-read';
import { StoreLayout } from './journal/layout';
import { placeExclusively } from './place-file';

const hasId = (item: unknown): item is { id: string } => typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string';
const isBinding = (item: unknown): item is { authorizationId: string; groupId: string } =>
  typeof item === 'object' && item !== null && typeof (item as { authorizationId?: unknown }).authorizationId === 'string' && typeof (item as { groupId?: unknown }).groupId === 'string';

/**
 * The records a damaged store still shows, for saying what a restore
 * discards: only when its store path is JSON at all (wrong version, one bad
 * field, a journaled store with a damaged part). Top-level arrays only, no
 * walk into nesting. Null when nothing can be made of it.
 */
async function readLeniently(file: string): Promise<StoreCollections | null> {
  try {
    const found = await readRegularFile(file, STORE_READ_LIMIT);
    // Snapshots and journals with no manifest to read them by: what they hold is unknown (they are kept aside all the same).
    if (!found) return (await new StoreLayout(file).names()).length > 0 ? null : { accessKeys: [], apiGroups: [], authorizations: [], bindings: [] };
    const json = JSON.parse(found.bytes.toString('utf8')) as Record<string, unknown>;
    if (typeof json !== 'object' || json === null) return null;
    const named = (item: { id: string }) => ({ ...item, name: String((item as { name?: unknown }).name ?? item.id) });
    const lists: Record<string, unknown[]> =
      json.schemaVersion === STORE_FILE_VERSION
        ? (await readLayoutLeniently(new StoreLayout(file), json)) as unknown as Record<string, unknown[]>
        : Object.fromEntries(COLLECTIONS.map((name) => [name, Array.isArray(json[name]) ? (json[name] as unknown[]) : []]));
    const list = (name: string) => lists[name] ?? [];
    return {
      accessKeys: list('accessKeys').filter(hasId).map(named),
      apiGroups: list('apiGroups').filter(hasId).map(named),
      authorizations: list('authorizations').filter(hasId).map((a) => ({ ...a, callerKey: String((a as { callerKey?: unknown }).callerKey ?? a.id) })),
      bindings: list('bindings').filter(isBinding),
    } as unknown as StoreCollections;
  } catch {
    return null;
  }
}

/** Whether a valid backup exists and, if so, what restoring it would change. */
export async function restorePreviewOf(file: string, { compare = true } = {}): Promise<{ backupAvailable: boolean; restore?: RestorePreview }> {
  const backup = await newestValidBackup(file).catch(() => undefined);
  if (!backup) return { backupAvailable: false };
  if (!compare) return { backupAvailable: true };
  const data = backup.data;
  const current = await readLeniently(file);
  const backupHolds = Object.fromEntries(COLLECTIONS.map((name) => [name, data[name].length])) as RestorePreview['backupHolds'];
  return { backupAvailable: true, restore: { backup: basename(backup.path), backupHolds, changes: current ? diffStores(current, data) : null } };
}

/**
 * Moves the damaged store aside into the folder `<store>.corrupt-<time>/`
 * (kept, not deleted: its store path file, snapshots and journals) and puts
 * the newest valid backup in its place, the store path last and durably.
 * Refuses to move a folder, FIFO or link that sits at the store path: that
 * is for the user to sort out. If anything fails (disk full), every file goes
 * back where it was: an empty store path would open as a first run, every
 * key seemingly gone.
 */
export async function restoreNewestBackup(file: string, at: Date): Promise<{ restoredFrom: string; movedAsideTo: string }> {
  const backup = await newestValidBackup(file);
  if (!backup) throw new AppError('NOT_FOUND', 'There is no valid backup to restore. The damaged file was left untouched.', { reason: 'restoreNoBackup' });
  const there = await lstatOrNull(file);
  if (there && !there.isFile()) {
    throw new AppError('INVALID_INPUT', `${file} is ${kindOf(there)}, not a file. Move it away yourself, then restart Gatekey.`, { reason: 'restoreNotAFile', params: { file, kind: fileKindOf(there) } });
  }
  const layout = new StoreLayout(file);
  const aside = `${file}.corrupt-${at.toISOString().replace(/[:.]/g, '-')}`;
  await mkdir(aside, { mode: 0o700 });
  const movedAside: string[] = [];
  const placed: string[] = [];
  let topKept = false;
  try {
    for (const { name } of await layout.names()) {
      await rename(layout.path(name), join(aside, name));
      movedAside.push(name);
    }
    // The store path itself stays in place until the backup's replaces it in one rename: a second name keeps the damaged one.
    if (there) topKept = await placeExclusively(file, join(aside, basename(file)));
    if (backup.kind === 'folder') {
      // Snapshots are never written in place: a second name is enough. Journals are appended to: copies, so the backup stays as it is.
      for (const { name, is } of await backup.layout.names()) {
        if (is.kind === 'journal') {
          await copyFile(backup.layout.path(name), layout.path(name), constants.COPYFILE_EXCL);
          placed.push(name);
          await syncFile(layout.path(name)); // before the manifest names it: a power cut must not leave it empty under a durable manifest
        } else {
          if (!(await placeExclusively(backup.layout.path(name), layout.path(name)))) throw Object.assign(new Error(`${name} is in the way`), { code: 'EEXIST' });
          placed.push(name);
        }
      }
      const top = await readRegularFile(backup.layout.manifest, STORE_READ_LIMIT);
      if (!top) throw new AppError('NOT_FOUND', 'The backup lost its manifest while being restored.', { reason: 'restoreNoBackup' });
      await writeDurably(file, top.bytes);
    } else {
      await writeDurably(file, backup.bytes);
    }
  } catch (error) {
    await Promise.all(placed.map((name) => unlink(layout.path(name)).catch(() => undefined)));
    for (const name of movedAside) await rename(join(aside, name), layout.path(name)).catch(() => undefined);
    if (topKept) await unlink(join(aside, basename(file))).catch(() => undefined);
    await rm(aside, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
  return { restoredFrom: basename(backup.path), movedAsideTo: basename(aside) };
}
