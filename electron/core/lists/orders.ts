import type { Ordering } from './ordered-list';

type Dated = { createdAt: string };
type Named = { name: string; id: string };

/*
 * Orders shared by the lists, as the records' indexes. Sorting is stable, so
 * records created in the same millisecond keep their store order (the order
 * they were added in). ISO timestamps compare as plain strings: no date
 * parsing, no locale work.
 */

const indexesOf = (records: readonly unknown[]): number[] => Array.from({ length: records.length }, (_, i) => i);

/** Oldest first. */
export const byCreation = <R extends Dated>(records: readonly R[]): readonly number[] =>
  indexesOf(records).sort((a, b) => {
    const x = records[a]!.createdAt;
    const y = records[b]!.createdAt;
    return x < y ? -1 : x > y ? 1 : 0;
  });

/** Another order reversed: newest first from oldest first, so among records of one millisecond the one added last leads. */
export const reverseOf =
  <R, O extends string>(order: O): Ordering<R, O> =>
  (_, as) => [...as(order)].reverse();

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** By name as a person sorts (case and accents aside, caller-9 before caller-10), the ID breaking ties. */
export const byName = <R extends Named>(records: readonly R[]): readonly number[] =>
  indexesOf(records).sort((a, b) => {
    const x = records[a]!;
    const y = records[b]!;
    return collator.compare(x.name, y.name) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  });
