import { STORE_FILE_VERSION, type StoreData } from '../shared/store/schema';
import { migrations } from './migrations';

/** Why a store file could not be opened, in words for the user. */
export class StoreFileProblem extends Error {
  override name = 'StoreFileProblem';
}

export interface ParsedStore {
  data: StoreData;
  /** The schemaVersion the file was written with (older ones are migrated in memory). */
  fileVersion: number;
}

/** The top level of a store file: a JSON object, or exactly what is wrong with the text. */
export function topLevelOf(text: string): Record<string, unknown> {
  if (text.trim() === '') throw new StoreFileProblem('The file is empty.');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new StoreFileProblem('The file is not valid JSON; it may be truncated or damaged.');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new StoreFileProblem('The file does not hold a Gatekey store (its top level is not an object).');
  }
  return json as Record<string, unknown>;
}

/** Parses, validates and migrates the text of a single-file store (schemaVersion 1-3), or says precisely what is wrong with it. */
export function parseStoreFile(text: string): ParsedStore {
  return parseStoreJson(topLevelOf(text));
}

/** Validates and migrates a parsed single-file store (schemaVersion 1-3). */
export function parseStoreJson(json: Record<string, unknown>): ParsedStore {
  const version = json.schemaVersion;
  if (typeof version === 'number' && version > STORE_FILE_VERSION) {
    throw new StoreFileProblem(
      `The file was written by a newer version of Gatekey (schemaVersion ${version}; this version reads up to ${STORE_FILE_VERSION}). Update Gatekey to open it.`,
    );
  }
  const migration = typeof version === 'number' && Number.isInteger(version) ? migrations[version] : undefined;
  if (!migration) throw new StoreFileProblem(`The file has no schemaVersion Gatekey knows (${JSON.stringify(version) ?? 'none'}).`);
  const parsed = migration.schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new StoreFileProblem(`The file does not match Gatekey's store format${where}: ${issue?.message ?? 'unknown problem'}.`);
  }
  return { data: migration.migrate(parsed.data as never), fileVersion: version as number };
}
