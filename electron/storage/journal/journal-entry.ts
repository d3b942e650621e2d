import { checkPart, checkRecord } from '../../shared/store/record-check';
import { COLLECTIONS, type Collection, type JdcloudSection, type StoreData } from '../../shared/store/schema';
import { StoreFileProblem } from '../parse-store-file';

type RecordOf<C extends Collection> = StoreData[C][number];

/**
 * One change to one part: a record put (a new key is appended, a known one
 * replaced where it is), a record deleted by key, or the JD Cloud section set.
 */
export type JournalOp =
  | { [C in Collection]: { part: C; put: RecordOf<C> } }[Collection]
  | { part: Collection; delete: string }
  | { part: 'jdcloud'; set: JdcloudSection };

/** One saved change: a line of the journal, appended and fsync'd before the save is acknowledged. */
export interface JournalEntry {
  seq: number;
  at: string;
  ops: JournalOp[];
}

export const entryLine = (entry: JournalEntry): string => `${JSON.stringify(entry)}\n`;

const collections = new Set<string>(COLLECTIONS);

/** A parsed line as a journal entry that keeps the store's rules, or why not (for the caller to name the line). */
export function entryOf(json: unknown): JournalEntry | string {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return 'it is not an object';
  const { seq, at, ops, ...rest } = json as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return `unexpected field ${Object.keys(rest)[0]}`;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) return 'seq is not a positive integer';
  if (typeof at !== 'string' || at.length > 64) return 'at is not a time';
  if (!Array.isArray(ops)) return 'ops is not a list';
  for (const [index, op] of ops.entries()) {
    const why = opProblem(op);
    if (why) return `ops.${index}: ${why}`;
  }
  return { seq, at, ops: ops as JournalOp[] };
}

function opProblem(op: unknown): string | undefined {
  if (typeof op !== 'object' || op === null || Array.isArray(op)) return 'not an object';
  const { part, ...change } = op as Record<string, unknown>;
  const [kind, ...more] = Object.keys(change);
  if (!kind || more.length > 0) return 'it must hold exactly one of put, delete or set';
  const value = change[kind];
  if (part === 'jdcloud') {
    if (kind !== 'set') return 'the JD Cloud section can only be set';
    const checked = checkPart('jdcloud', value);
    return checked.ok ? undefined : `set.${checked.path.join('.')}: ${checked.message}`;
  }
  if (typeof part !== 'string' || !collections.has(part)) return `unknown part ${JSON.stringify(part)}`;
  if (kind === 'delete') return typeof value === 'string' ? undefined : 'delete is not a key';
  if (kind !== 'put') return `unknown change ${kind}`;
  const checked = checkRecord(part as Collection, value);
  return checked.ok ? undefined : `put.${checked.path.join('.')}: ${checked.message}`;
}

/**
 * The entries of one journal file. A last line that is cut short (no newline)
 * or unparsable, in the last journal only, is a change that was never
 * acknowledged (a crash mid-append): ignored, and `validLength` says where it
 * begins so the writer can cut it off. Any other bad line makes the store
 * unreadable.
 */
export function parseJournal(text: string, name: string, isLast: boolean): { entries: JournalEntry[]; validLength: number; torn: boolean } {
  const entries: JournalEntry[] = [];
  let start = 0;
  let line = 0;
  let validBytes = 0;
  while (start < text.length) {
    line += 1;
    const end = text.indexOf('\n', start);
    const complete = end !== -1;
    const content = text.slice(start, complete ? end : text.length);
    const next = complete ? end + 1 : text.length;
    const final = next >= text.length;
    let json: unknown;
    let parsed = complete;
    if (parsed) {
      try {
        json = JSON.parse(content);
      } catch {
        parsed = false;
      }
    }
    if (!parsed) {
      if (isLast && final) return { entries, validLength: validBytes, torn: true };
      throw new StoreFileProblem(`The journal ${name} is damaged at line ${line} (${complete ? 'not valid JSON' : 'cut short'}). The files were left untouched.`);
    }
    const entry = entryOf(json);
    if (typeof entry === 'string') throw new StoreFileProblem(`The journal ${name} breaks the store's rules at line ${line}: ${entry}. The files were left untouched.`);
    entries.push(entry);
    validBytes += Buffer.byteLength(content, 'utf8') + 1;
    start = next;
  }
  return { entries, validLength: validBytes, torn: false };
}
