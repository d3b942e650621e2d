import { COLLECTIONS, type Collection, type StoreData } from '../../shared/store/schema';
import type { JournalOp } from './journal-entry';
import { keyOf } from './record-key';

type AnyRecord = StoreData[Collection][number];

/** Same record: the same object (records are replaced, never mutated), or a copy with the same content. */
const sameRecord = (a: AnyRecord, b: AnyRecord) => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * The journal ops that turn `before` into `after`, such that replaying them
 * (see replay.ts) gives `after` exactly, order included. A collection with
 * the same array is skipped. Otherwise the common prefix and suffix are
 * walked by pointer (keys compared only where the objects differ), so
 * replacing in place, appending and removing a few cost O(n) pointer
 * compares and O(changes) work; only the middle between them goes through a
 * key map. A record whose identity changed but whose content did not (a pull
 * copies every record) is not journaled.
 */
export function opsBetween(before: StoreData, after: StoreData): JournalOp[] {
  const ops: JournalOp[] = [];
  for (const collection of COLLECTIONS) {
    if (before[collection] !== after[collection]) collectionOps(collection, before[collection], after[collection], ops);
  }
  if (before.jdcloud !== after.jdcloud && JSON.stringify(before.jdcloud) !== JSON.stringify(after.jdcloud)) ops.push({ part: 'jdcloud', set: after.jdcloud });
  return ops;
}

function collectionOps(collection: Collection, old: readonly AnyRecord[], now: readonly AnyRecord[], ops: JournalOp[]): void {
  const sameKey = (a: AnyRecord, b: AnyRecord) => a === b || keyOf(collection, a) === keyOf(collection, b);
  const puts: AnyRecord[] = [];
  const deletes: string[] = [];
  // The common prefix: records at the same place with the same key.
  let head = 0;
  const shorter = Math.min(old.length, now.length);
  for (;;) {
    while (head < shorter && old[head] === now[head]) head += 1; // the common case, kept to a bare compare
    if (head >= shorter || !sameKey(old[head]!, now[head]!)) break;
    if (!sameRecord(old[head]!, now[head]!)) puts.push(now[head]!);
    head += 1;
  }
  // The common suffix, within what the prefix left.
  let tail = 0;
  const room = shorter - head;
  for (;;) {
    while (tail < room && old[old.length - 1 - tail] === now[now.length - 1 - tail]) tail += 1;
    if (tail >= room || !sameKey(old[old.length - 1 - tail]!, now[now.length - 1 - tail]!)) break;
    tail += 1;
  }
  const appendedInMiddle = middleOps(collection, old.slice(head, old.length - tail), now.slice(head, now.length - tail), puts, deletes);
  for (let index = now.length - tail; index < now.length; index += 1) {
    const was = old[old.length - (now.length - index)]!;
    const record = now[index]!;
    if (appendedInMiddle) {
      // Records appended before these: these must move after them, as in memory.
      deletes.push(keyOf(collection, was));
      puts.push(record);
    } else if (!sameRecord(was, record)) puts.push(record);
  }
  for (const key of deletes) ops.push({ part: collection, delete: key });
  for (const record of puts) ops.push({ part: collection, put: record } as JournalOp);
}

/**
 * The middle, by key: records kept in their order are put in place when they
 * changed; from the first record that is new or out of order on, everything
 * is appended (a known key is deleted first, so the put appends it). Records
 * gone are deleted. Returns whether anything was appended.
 */
function middleOps(collection: Collection, old: readonly AnyRecord[], now: readonly AnyRecord[], puts: AnyRecord[], deletes: string[]): boolean {
  if (old.length === 0 && now.length === 0) return false;
  const position = new Map<string, number>();
  old.forEach((record, index) => position.set(keyOf(collection, record), index));
  const kept = new Set<string>();
  let last = -1;
  let appending = false;
  for (const record of now) {
    const key = keyOf(collection, record);
    const at = position.get(key);
    if (!appending && at !== undefined && at > last) {
      last = at;
      kept.add(key);
      if (!sameRecord(old[at]!, record)) puts.push(record);
      continue;
    }
    appending = true;
    if (at !== undefined) {
      deletes.push(key);
      kept.add(key); // deleted once, above
    }
    puts.push(record);
  }
  for (const [key] of position) if (!kept.has(key)) deletes.push(key);
  return appending;
}
