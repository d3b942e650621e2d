import { STORE_FILE_VERSION, STORE_PARTS, type StorePart } from '../../shared/store/schema';
import { StoreFileProblem } from '../parse-store-file';
import type { StoreLayout } from './layout';

export const LAYOUT_FORMAT = 'gatekey-journaled';

/**
 * The store path's file in the journaled layout: which snapshot holds each
 * part, and the first journal to replay over them. Written only whole and
 * durably (compaction, migration): replacing it is the commit point.
 */
export interface Manifest {
  parts: Record<StorePart, string>;
  journalFrom: number;
}

export function manifestText(manifest: Manifest): string {
  const parts = Object.fromEntries(STORE_PARTS.map((part) => [part, manifest.parts[part]]));
  return `${JSON.stringify({ schemaVersion: STORE_FILE_VERSION, format: LAYOUT_FORMAT, parts, journalFrom: manifest.journalFrom }, null, 2)}\n`;
}

/** The manifest in a parsed schemaVersion 4 file, or exactly what is wrong with it. Names must be this store's own: never a path. */
export function manifestOf(json: Record<string, unknown>, layout: StoreLayout): Manifest {
  const bad = (why: string) => new StoreFileProblem(`The file does not match Gatekey's store format: ${why}.`);
  const known = new Set(['schemaVersion', 'format', 'parts', 'journalFrom']);
  const extra = Object.keys(json).find((name) => !known.has(name));
  if (extra) throw bad(`unexpected field ${extra}`);
  if (json.format !== LAYOUT_FORMAT) throw bad(`its format is ${JSON.stringify(json.format) ?? 'missing'}, not ${LAYOUT_FORMAT}`);
  const journalFrom = json.journalFrom;
  if (typeof journalFrom !== 'number' || !Number.isSafeInteger(journalFrom) || journalFrom < 1) throw bad('journalFrom is not a journal number');
  const parts = json.parts;
  if (typeof parts !== 'object' || parts === null || Array.isArray(parts)) throw bad('parts is not an object');
  const named = parts as Record<string, unknown>;
  if (Object.keys(named).length !== STORE_PARTS.length) throw bad('parts does not name exactly the store’s parts');
  for (const part of STORE_PARTS) {
    const name = named[part];
    const is = typeof name === 'string' ? layout.parse(name) : undefined;
    if (!is || is.kind !== 'snapshot' || is.part !== part) throw bad(`parts.${part} is not a snapshot name of this store`);
  }
  return { parts: named as Manifest['parts'], journalFrom };
}
