import * as fs from 'node:fs/promises';
import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StorePart } from '../../../electron/shared/store/schema';
import type { FileOps } from '../../../electron/storage/durable-write';
import { key } from '../../support/store-records';
import { keyNamesOnDisk, storeFilesOf } from '../../support/store-files';
import { tempStoreFolder } from '../../support/temp-store-folder';

// The journal a save appends to, across a compaction's rotation to the next
// one: real files in a temp folder; a full disk is injected for the big
// snapshot writes only, as a nearly full disk refuses them while short journal
// lines still fit.

let dir: string;
let file: string;
const { openStore, closed } = tempStoreFolder('gatekey-journal-rotation-', (folder, path) => {
  dir = folder;
  file = path;
});
const journals = async () => (await readdir(dir)).filter((name) => name.endsWith('.jsonl')).sort();

/** Snapshot writes fail with ENOSPC once `disk.full` is set: a compaction rotates, then fails before its commit. */
function nearlyFullDisk(): { disk: { full: boolean }; ops: FileOps } {
  const disk = { full: false };
  const ops: FileOps = {
    ...fs,
    open: (async (path: string, flags: string | number, mode?: number) => {
      if (disk.full && /\.gatekey-store\.[A-Za-z]+\.\d+\.json\.tmp$/.test(path)) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      return fs.open(path, flags, mode);
    }) as FileOps['open'],
  };
  return { disk, ops };
}

describe('a compaction that rotates and then fails', () => {
  it('with a stray file of a higher number in the folder, the changes saved after the rotation are still there after a restart', async () => {
    const { disk, ops } = nearlyFullDisk();
    const store = await openStore({ ops, compaction: { entries: 2 } });
    await store.update((data) => data.accessKeys.push(key(1))); // the first save: snapshots 1, journal 1
    // Left by someone (a copy put back, a sync tool): not named by the manifest, so not part of the store.
    await writeFile(join(dir, 'gatekey-store.bindings.9.json'), '{"schemaVersion":4,"part":"bindings","items":[]}\n');
    disk.full = true;
    await store.update((data) => data.accessKeys.push(key(2)));
    await store.update((data) => data.accessKeys.push(key(3))); // two entries: a compaction rotates, then cannot write its snapshots
    await store.flush();
    await store.update((data) => data.accessKeys.push(key(4))); // acknowledged: in the journal the rotation started
    expect(store.status).toEqual({ state: 'ok', file });
    await closed(store);

    const reopened = await openStore();
    expect(reopened.status).toEqual({ state: 'ok', file });
    expect(reopened.read().accessKeys.map((k) => k.name)).toEqual(['key-1', 'key-2', 'key-3', 'key-4']);
  });

  it('a torn last line left by a crash is cut off before the journal stops being the last one', async () => {
    const first = await openStore();
    await first.update((data) => data.accessKeys.push(key(1)));
    await first.update((data) => data.accessKeys.push(key(2)));
    await closed(first);
    const [journal] = await journals();
    await appendFile(join(dir, journal!), '{"seq":9,"at":"2026-12-01T00:00:00.000Z","ops":[{"part":"accessKeys","pu'); // a crash mid-append

    const { disk, ops } = nearlyFullDisk();
    const store = await openStore({ ops, compaction: { entries: 1 } });
    disk.full = true;
    await store.update(() => undefined); // a save with nothing to append (a pull that changed nothing): a compaction is due
    await store.flush();
    expect(await journals()).toHaveLength(2);
    await store.update((data) => data.accessKeys.push(key(3)));
    await closed(store);

    const reopened = await openStore();
    expect(reopened.status).toEqual({ state: 'ok', file });
    expect(reopened.read().accessKeys.map((k) => k.name)).toEqual(['key-1', 'key-2', 'key-3']);
  });
});

describe('a next journal that another program puts in the folder', () => {
  /** What a store that went on elsewhere (a synced copy) would add as the next journal: key 9. */
  const nextJournalOf = async () => {
    const [journal] = await journals();
    const number = Number(/\.(\d+)\.jsonl$/.exec(journal!)![1]);
    const path = join(dir, `gatekey-store.journal.${number + 1}.jsonl`);
    await writeFile(path, `${JSON.stringify({ seq: 99, at: '2026-12-01T00:00:00.000Z', ops: [{ part: 'accessKeys', put: key(9) }] })}\n`);
    return path;
  };

  it('the writer reports a conflict, and appends to neither journal', async () => {
    const store = await openStore();
    await store.update((data) => data.accessKeys.push(key(1)));
    await store.update((data) => data.accessKeys.push(key(2)));
    await nextJournalOf();
    const before = await storeFilesOf(file);

    await store.update((data) => data.accessKeys.push(key(3)));
    expect(store.status).toMatchObject({ state: 'conflict', unsavedChanges: { accessKeys: { created: { count: 1 } } } });
    expect(await storeFilesOf(file)).toEqual(before);
  });

  it('a read-only instance reloads, and shows what the new journal holds', async () => {
    const writer = await openStore();
    await writer.update((data) => data.accessKeys.push(key(1)));
    await writer.update((data) => data.accessKeys.push(key(2)));
    const reader = await openStore();
    expect(reader.status).toMatchObject({ state: 'readOnly' });
    await nextJournalOf();

    expect(await reader.checkOutsideChange()).toEqual({ kind: 'reloaded', collections: ['accessKeys'] });
    expect(reader.read().accessKeys.map((k) => k.name)).toEqual(['key-1', 'key-2', 'key-9']);
    expect(await keyNamesOnDisk(file)).toEqual(['key-1', 'key-2', 'key-9']);
  });
});

describe('the folder watch of a read-only instance', () => {
  it('notices a snapshot edited in place by another program, and reloads it', async () => {
    const writer = await openStore();
    await writer.update((data) => data.accessKeys.push(key(1)));
    const outside: StorePart[][] = [];
    // No poll within the test: only the folder's own notices can tell it.
    const reader = await openStore({ onOutsideChange: (parts) => outside.push(parts), watch: { debounceMs: 30, pollMs: 3_600_000 } });
    expect(reader.status).toMatchObject({ state: 'readOnly' });

    const snapshot = join(dir, (await readdir(dir)).find((name) => name.startsWith('gatekey-store.accessKeys.'))!);
    await writeFile(snapshot, (await readFile(snapshot, 'utf8')).replace('key-1', 'key-Z'));

    await expect.poll(() => outside).toEqual([['accessKeys']]);
    expect(reader.read().accessKeys.map((k) => k.name)).toEqual(['key-Z']);
  });
});
