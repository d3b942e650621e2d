import { STORE_SCHEMA_VERSION, type StoreData } from '../shared/store/schema';
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

/** Parses, validates and migrates the text of a store file, or says precisely what is wrong with it. */
export function parseStoreFile(text: string): ParsedStore {
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
  const version = (json as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version === 'number' && version > STORE_SCHEMA_VERSION) {
    throw new StoreFileProblem(
      `The file was written by a newer version of Gatekey (schemaVersion ${version}; this version reads up to ${STORE_SCHEMA_VERSION}). Update Gatekey to open it.`,
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
