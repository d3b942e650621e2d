import { link, rename, unlink } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../shared/errors';
import { newestValidBackup } from './backups';
import { writeDurably } from './durable-write';
import { fileKindOf } from '../adapters/files/file-kind';
import { lstatOrNull, kindOf, readRegularFile, STORE_READ_LIMIT } from './regular-file';
import { COLLECTIONS, diffStores, type StoreCollections } from '../shared/store/changes';
import type { RestorePreview } from '../shared/store/status';

const hasId = (item: unknown): item is { id: string } => typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string';
const isBinding = (item: unknown): item is { authorizationId: string; groupId: string } =>
  typeof item === 'object' && item !== null && typeof (item as { authorizationId?: unknown }).authorizationId === 'string' && typeof (item as { groupId?: unknown }).groupId === 'string';

/**
 * The records a damaged file still shows, for saying what a restore discards:
 * only when it is JSON at all (wrong version, one bad field). Top-level arrays
 * only, no walk into nesting. Null when nothing can be made of it.
 */
async function readLeniently(file: string): Promise<StoreCollections | null> {
  try {
    const found = await readRegularFile(file, STORE_READ_LIMIT);
    if (!found) return { accessKeys: [], apiGroups: [], authorizations: [], bindings: [] };
    const json = JSON.parse(found.bytes.toString('utf8')) as Record<string, unknown>;
    if (typeof json !== 'object' || json === null) return null;
    const list = (name: string) => (Array.isArray(json[name]) ? (json[name] as unknown[]) : []);
    const named = (item: { id: string }) => ({ ...item, name: String((item as { name?: unknown }).name ?? item.id) });
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
  const data = backup.parsed.data;
  const current = await readLeniently(file);
  const backupHolds = Object.fromEntries(COLLECTIONS.map((name) => [name, data[name].length])) as RestorePreview['backupHolds'];
  return { backupAvailable: true, restore: { backup: basename(backup.path), backupHolds, changes: current ? diffStores(current, data) : null } };
}

/**
 * Moves the damaged file aside as `*.corrupt-<time>` (kept, not deleted) and
 * puts the newest valid backup in its place. Refuses to move a folder, FIFO
 * or link that sits at the store path: that is for the user to sort out.
 * If the backup cannot be written (disk full), the damaged file goes back:
 * an empty store path would open as a first run, every key seemingly gone.
 */
export async function restoreNewestBackup(file: string, at: Date): Promise<{ restoredFrom: string; movedAsideTo: string }> {
  const backup = await newestValidBackup(file);
  if (!backup) throw new AppError('NOT_FOUND', 'There is no valid backup to restore. The damaged file was left untouched.', { reason: 'restoreNoBackup' });
  const there = await lstatOrNull(file);
  if (there && !there.isFile()) {
    throw new AppError('INVALID_INPUT', `${file} is ${kindOf(there)}, not a file. Move it away yourself, then restart Gatekey.`, { reason: 'restoreNotAFile', params: { file, kind: fileKindOf(there) } });
  }
  const aside = `${file}.corrupt-${at.toISOString().replace(/[:.]/g, '-')}`;
  const movedAside = await rename(file, aside).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      return false;
    },
  );
  try {
    await writeDurably(file, backup.bytes);
  } catch (error) {
    if (movedAside) await putBack(aside, file);
    throw error;
  }
  return { restoredFrom: basename(backup.path), movedAsideTo: basename(aside) };
}

/** Puts the damaged file back, but never over a restored file that did arrive (the failure came after the rename). */
async function putBack(aside: string, file: string): Promise<void> {
  try {
    await link(aside, file); // fails if the path is taken
    await unlink(aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') await rename(aside, file).catch(() => undefined); // no hard links here
  }
}
