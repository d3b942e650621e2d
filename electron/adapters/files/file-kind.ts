import type { Stats } from 'node:fs';

/** What a path holds, by a stable id: the `kind` of a message about it. */
export type FileKind = 'file' | 'symlink' | 'folder' | 'fifo' | 'socket' | 'device' | 'other';

export function fileKindOf(info: Stats): FileKind {
  if (info.isFile()) return 'file';
  if (info.isSymbolicLink()) return 'symlink';
  if (info.isDirectory()) return 'folder';
  if (info.isFIFO()) return 'fifo';
  if (info.isSocket()) return 'socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'device';
  return 'other';
}
