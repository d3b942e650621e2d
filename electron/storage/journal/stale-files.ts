import { unlink } from 'node:fs/promises';
import { lstatOrNull } from '../regular-file';
import type { StoreLayout } from './layout';
import type { Manifest } from './manifest';

/** This store's files in the folder that `manifest` no longer needs: snapshots it does not name, journals before `journalFrom`. */
export async function staleNames(layout: StoreLayout, manifest: Manifest): Promise<string[]> {
  const named = new Set(Object.values(manifest.parts));
  return (await layout.names()).filter(({ name, is }) => (is.kind === 'snapshot' ? !named.has(name) : is.number < manifest.journalFrom)).map(({ name }) => name);
}

/**
 * Deletes the stale files (see `staleNames`) that the backup folder `keptIn`
 * holds under the same name, and only those: a file no backup holds may be
 * the only copy of a change, so it stays until a later backup takes it. Only
 * names of this store's pattern are touched; unlink removes a name, never
 * what a link points to.
 */
export async function removeStale(layout: StoreLayout, manifest: Manifest, keptIn: StoreLayout): Promise<void> {
  const stale = await staleNames(layout, manifest);
  const held = await Promise.all(stale.map(async (name) => (await lstatOrNull(keptIn.path(name)))?.isFile() === true));
  await Promise.all(stale.filter((_, index) => held[index]).map((name) => unlink(layout.path(name)).catch(() => undefined)));
}
