import { COLLECTIONS, type Collection, type StoreData } from '../shared/store/schema';

/**
 * A draft that copies a collection only when the change touches it, and never
 * the records: a change replaces a record it edits (never mutates it), so a
 * throw leaves the data as it was, and untouched collections keep their
 * identity (the save reuses their serialised text).
 */
export function draftOf(data: StoreData): { draft: StoreData; commit(): StoreData } {
  const copies: Partial<{ [C in Collection]: StoreData[C] }> = {};
  const draft = { schemaVersion: data.schemaVersion } as StoreData;
  for (const name of COLLECTIONS) {
    Object.defineProperty(draft, name, {
      enumerable: true,
      get: () => (copies[name] ??= data[name].slice() as never), // slice, not spread: a plain copy of 200,000 pointers
      set: (value: never) => {
        copies[name] = value;
      },
    });
  }
  // The JD Cloud section is small: copied whole when touched, and a new object when it changed.
  let jdcloud: StoreData['jdcloud'] | undefined;
  Object.defineProperty(draft, 'jdcloud', {
    enumerable: true,
    get: () => (jdcloud ??= structuredClone(data.jdcloud)),
    set: (value: StoreData['jdcloud']) => {
      jdcloud = value;
    },
  });
  const jdcloudOf = () => (jdcloud && JSON.stringify(jdcloud) !== JSON.stringify(data.jdcloud) ? jdcloud : data.jdcloud);
  return {
    draft,
    commit: () => ({ schemaVersion: data.schemaVersion, ...Object.fromEntries(COLLECTIONS.map((name) => [name, copies[name] ?? data[name]])), jdcloud: jdcloudOf() }) as StoreData,
  };
}
