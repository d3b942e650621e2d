import { CORE_SCHEMA, dump, load } from 'js-yaml';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { stateFile, type GatekeyState, type StateFileFormat } from '../../../shared/jdcloud/state-file';
import { scanJson } from '../../../shared/key-files/json-scan';

/** A state file of a million authorizations stays well under this. */
export const MAX_STATE_FILE_BYTES = 256 * 1024 * 1024;
/** A state file nests five levels; JSON deeper than this is refused before it is walked. */
const MAX_JSON_NESTING = 32;

/** The file's format from its name: .json is JSON, anything else YAML. */
export const formatOfPath = (path: string): StateFileFormat => (/\.json$/i.test(path) ? 'json' : 'yaml');

/**
 * The state as text. YAML with the core schema only (no dates, no tags), keys
 * in the order the state holds them, long lines never folded: the same state
 * always gives the same bytes.
 */
export function stateText(state: GatekeyState, format: StateFileFormat): string {
  if (format === 'json') return `${JSON.stringify(state, null, 2)}\n`;
  return dump(state, { schema: CORE_SCHEMA, lineWidth: -1, noRefs: true, quotingType: "'", sortKeys: false });
}

const refused = (source: string, detail: string) =>
  new AppError('INVALID_INPUT', `The state file ${source} was refused: ${detail}.`, { reason: 'stateFileRefused', params: { file: source, detail } });

/** Whether a parsed YAML value shares a node (an anchor and its aliases): walked iteratively, never recursively. */
function sharesNodes(value: unknown): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === null || typeof item !== 'object') continue;
    if (seen.has(item)) return true;
    seen.add(item);
    stack.push(...(Array.isArray(item) ? item : Object.values(item)));
  }
  return false;
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const shown = issues.slice(0, 5).map((issue) => {
    const where = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');
    return `${where || 'the file'}: ${issue.code === 'invalid_type' && issue.input === undefined ? 'is missing' : issue.message}`;
  });
  return `${shown.join('; ')}${issues.length > shown.length ? ` (and ${issues.length - shown.length} more)` : ''}`;
}

/** Reads a state file's text, trusting nothing: syntax, shared nodes, shape, version and the store's rules. */
export function parseStateText(text: string, format: StateFileFormat, source: string): GatekeyState {
  let parsed: unknown;
  if (format === 'json') {
    const scan = scanJson(text);
    if (scan.depth > MAX_JSON_NESTING) throw refused(source, `it is nested ${scan.depth} levels deep; a state file has five`);
    if (scan.duplicateName !== undefined) throw refused(source, `it names the field "${scan.duplicateName}" twice in one object`);
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw refused(source, `it is not JSON (${(error as Error).message})`);
    }
  } else {
    try {
      parsed = load(text, { schema: CORE_SCHEMA, filename: source });
    } catch (error) {
      // js-yaml's message names the line and column; a stack overflow (absurd nesting) has no position to give.
      throw refused(source, error instanceof RangeError ? 'it is nested too deep' : `it is not YAML (${(error as Error).message.split('\n')[0]})`);
    }
    if (sharesNodes(parsed)) throw refused(source, 'it uses YAML anchors and aliases; write each value out');
  }
  const result = stateFile.safeParse(parsed);
  if (!result.success) throw refused(source, describeIssues(result.error.issues));
  return result.data;
}
