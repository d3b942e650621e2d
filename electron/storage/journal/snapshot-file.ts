import { checkPart } from '../../shared/store/record-check';
import { STORE_FILE_VERSION, type StoreData, type StorePart } from '../../shared/store/schema';
import { StoreFileProblem } from '../parse-store-file';

/**
 * One part's snapshot, one record per line (readable, and a diff shows the
 * records that changed): `{"schemaVersion":4,"part":"bindings","items":[` …
 * `]}`. The JD Cloud section is one object: `"value":{…}`.
 */
export function snapshotText<P extends StorePart>(part: P, value: StoreData[P]): string {
  const head = `{"schemaVersion":${STORE_FILE_VERSION},"part":${JSON.stringify(part)},`;
  if (part === 'jdcloud') return `${head}"value":${JSON.stringify(value)}}\n`;
  const items = value as readonly unknown[];
  if (items.length === 0) return `${head}"items":[]}\n`;
  let text = `${head}"items":[\n`;
  for (let index = 0; index < items.length; index += 1) text += `${index === 0 ? '' : ',\n'}${JSON.stringify(items[index])}`;
  return `${text}\n]}\n`;
}

/** The part a snapshot file holds, checked against the store's rules, or exactly what is wrong with it. */
export function parseSnapshot<P extends StorePart>(part: P, text: string, name: string): StoreData[P] {
  const bad = (why: string) => new StoreFileProblem(`The snapshot ${name} is damaged: ${why}. The files were left untouched.`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw bad('it is not valid JSON (truncated or damaged)');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw bad('its top level is not an object');
  const { schemaVersion, part: named, ...rest } = json as Record<string, unknown>;
  if (schemaVersion !== STORE_FILE_VERSION) throw bad(`its schemaVersion is ${JSON.stringify(schemaVersion) ?? 'missing'}`);
  if (named !== part) throw bad(`it holds ${JSON.stringify(named) ?? 'no part'}, not ${part}`);
  const field = part === 'jdcloud' ? 'value' : 'items';
  const keys = Object.keys(rest);
  if (keys.length !== 1 || keys[0] !== field) throw bad(`it must hold exactly "${field}"`);
  const value = rest[field];
  const checked = checkPart(part, value);
  if (!checked.ok) throw bad(`${[field, ...checked.path].join('.')}: ${checked.message}`);
  return value as StoreData[P];
}
