import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COLLECTIONS, emptyStore, type Collection, type StoreData } from '../../../electron/shared/store/schema';
import { opsBetween } from '../../../electron/storage/journal/diff';
import { replay } from '../../../electron/storage/journal/replay';
import { MetadataStore } from '../../../electron/storage/metadata-store';
import { records } from '../../support/journal-records';
import { seededRandom } from '../../support/seeded-random';
import { readStoreOnDisk } from '../../support/store-files';

type AnyRecord = StoreData[Collection][number];

/**
 * Random changes of every kind the services make (push, replace in place,
 * filter, set an authorization's bindings, copy every record, set the JD
 * Cloud section) and some they do not (insert in the middle, reverse): the
 * journal must replay to exactly the data in memory, order included.
 */
function randomChange(random: () => number, counter: { next: number }): (draft: StoreData) => void {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const collection = pick(COLLECTIONS);
  const fresh = () => (collection === 'bindings' ? records.bindings(counter.next++, Math.floor(random() * 1000)) : records[collection](counter.next++));
  const kind = pick(['push', 'push', 'replace', 'filter', 'bindingsOf', 'copyAll', 'insert', 'reverse', 'jdcloud', 'several']);
  return (draft) => {
    const list = () => draft[collection] as AnyRecord[];
    const set = (items: AnyRecord[]) => ((draft as unknown as Record<Collection, AnyRecord[]>)[collection] = items);
    switch (kind) {
      case 'push':
        list().push(fresh());
        break;
      case 'replace': {
        if (list().length === 0) return;
        const index = Math.floor(random() * list().length);
        list()[index] = { ...list()[index]!, ...(collection === 'bindings' ? { boundAt: '2026-12-01T00:00:00.000Z' } : { description: `edited ${counter.next++}` }) } as AnyRecord;
        break;
      }
      case 'filter': {
        const gone = new Set(list().filter(() => random() < 0.2));
        set(list().filter((record) => !gone.has(record)));
        break;
      }
      case 'bindingsOf': {
        // As the authorizations service sets one's bindings: drop them all, append the wanted ones (some the same pairs).
        const bindings = draft.bindings;
        const owner = bindings.length > 0 && random() < 0.7 ? pick(bindings).authorizationId : records.authorizations(counter.next++).id;
        const kept = bindings.filter((b) => b.authorizationId === owner && random() < 0.5).map((b) => ({ ...b }));
        const added = { authorizationId: owner, groupId: records.apiGroups(counter.next++).id, boundAt: '2026-12-02T00:00:00.000Z' };
        // A pair is bound once (the services keep it so; the journal keys bindings by their pair).
        draft.bindings = [...bindings.filter((b) => b.authorizationId !== owner), ...kept.filter((b) => b.groupId !== added.groupId), added];
        break;
      }
      case 'copyAll':
        // A pull copies every record: new objects, the same content, one changed.
        set(list().map((record, index) => (index === 0 && collection !== 'bindings' ? { ...record, description: `pulled ${counter.next++}` } : { ...record })) as AnyRecord[]);
        break;
      case 'insert':
        list().splice(Math.floor(random() * (list().length + 1)), 0, fresh());
        break;
      case 'reverse':
        list().reverse();
        break;
      case 'jdcloud':
        draft.jdcloud = random() < 0.5 ? { ...draft.jdcloud, account: { accessKeyId: `JDAK${counter.next++}`, regions: ['cn-north-1'], endpoint: 'https://apigateway.jdcloud-api.com', connectedAt: '2026-12-01T00:00:00.000Z' } } : structuredClone(draft.jdcloud);
        break;
      default:
        for (let n = 0; n < 3; n += 1) list().push(fresh());
        if (list().length > 4) list().splice(1, 2);
    }
  };
}

describe('the journal replays to the data in memory', () => {
  it('ops between any two versions, replayed over the first, give the second, order included (3,000 random pairs)', () => {
    const random = seededRandom(7);
    const counter = { next: 1 };
    let data = emptyStore();
    for (let n = 0; n < 3000; n += 1) {
      const draft = { ...data, ...Object.fromEntries(COLLECTIONS.map((c) => [c, [...data[c]]])) } as StoreData;
      randomChange(random, counter)(draft);
      const ops = opsBetween(data, draft);
      const replayed = replay({ ...data }, [{ seq: n + 1, at: '', ops }], () => 'test').parts;
      expect(replayed).toEqual(draft);
      data = draft;
    }
  });

  it('copying every record without changing one journals nothing', () => {
    const data = { ...emptyStore(), authorizations: Array.from({ length: 50 }, (_, n) => records.authorizations(n + 1)) };
    expect(opsBetween(data, { ...data, authorizations: data.authorizations.map((a) => ({ ...a })) })).toEqual([]);
  });

  it('replacing one record in place journals one put; appending one, one put; removing one, one delete', () => {
    const data = { ...emptyStore(), bindings: Array.from({ length: 100 }, (_, n) => records.bindings(n + 1)) };
    const edited = [...data.bindings];
    edited[40] = { ...edited[40]!, boundAt: '2026-12-01T00:00:00.000Z' };
    expect(opsBetween(data, { ...data, bindings: edited })).toEqual([{ part: 'bindings', put: edited[40] }]);
    expect(opsBetween(data, { ...data, bindings: [...data.bindings, records.bindings(500)] })).toEqual([{ part: 'bindings', put: records.bindings(500) }]);
    expect(opsBetween(data, { ...data, bindings: data.bindings.filter((_, i) => i !== 70) })).toHaveLength(1);
  });

  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gatekey-replay-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it.each([
    ['no compaction', 1, 1_000_000],
    ['a compaction every 4 changes', 2, 4],
  ])('a store reloads as it was in memory after 300 random changes of every part (%s)', async (_label, seed, entries) => {
    const file = join(dir, 'gatekey-store.json');
    const random = seededRandom(seed);
    const counter = { next: 1 };
    const store = await MetadataStore.open(file, { compaction: { entries } });
    for (let n = 0; n < 300; n += 1) {
      // Sometimes a burst: several changes saved together.
      const burst = random() < 0.2 ? 3 : 1;
      await Promise.all(Array.from({ length: burst }, () => store.update(randomChange(random, counter))));
      if (n % 25 === 0) {
        await store.flush();
        expect(await readStoreOnDisk(file)).toEqual(store.read());
      }
    }
    const inMemory = store.read();
    await store.close();
    const reopened = await MetadataStore.open(file);
    expect(reopened.read()).toEqual(inMemory);
    expect(reopened.read().bindings.length + reopened.read().accessKeys.length).toBeGreaterThan(0);
    await reopened.close();
  }, 120_000);
});
