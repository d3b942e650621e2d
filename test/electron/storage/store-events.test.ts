import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StorePart } from '../../../electron/shared/store/schema';
import type { StoreStatus } from '../../../electron/shared/store/status';
import { MetadataStore } from '../../../electron/storage/metadata-store';
import { key, storeText } from '../../support/store-records';
import { blockSaves } from '../../support/store-files';

// The store's own reports of its status and of changes made by something else,
// on real files in a temp folder: the faults are made for real on disk.

/** Short enough for a test, long enough that a save's several file operations are one notice. */
const WATCH = { debounceMs: 30, pollMs: 250 };

let dir: string;
let file: string;
const opened: MetadataStore[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gatekey-store-events-'));
  file = join(dir, 'gatekey-store.json');
});
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
  await rm(dir, { recursive: true, force: true });
});

/** A store that records every status it reports and every outside change it tells of. */
async function open(options: { watch?: boolean } = {}) {
  const statuses: StoreStatus[] = [];
  const outside: StorePart[][] = [];
  const store = await MetadataStore.open(file, {
    onStatus: (status) => statuses.push(status),
    ...(options.watch ? { onOutsideChange: (parts: StorePart[]) => outside.push(parts), watch: WATCH } : {}),
  });
  opened.push(store);
  return { store, statuses, outside };
}

/** Every save fails for real (an immutable journal and folder: EPERM) until it is unblocked. */
const blocker = () => blockSaves(dir);
const states = (statuses: StoreStatus[]) => statuses.map((s) => (s.state === 'ok' ? (s.unsaved ? 'unsaved' : 'saved') : s.state));

describe('the store reports its status as it changes', () => {
  it('unsaved after a failed save, saved once a retry gets through, and nothing while it stays the same', async () => {
    const { store, statuses } = await open();
    await store.update((data) => data.accessKeys.push(key(1)));
    await store.update((data) => data.accessKeys.push(key(2)));
    expect(statuses).toEqual([]); // saved, and saved again: no change to tell

    const unblock = await blocker();
    await store.update((data) => data.accessKeys.push(key(3)));
    expect(states(statuses)).toEqual(['unsaved']);
    await store.flush(); // fails again: the same status, not told twice
    expect(states(statuses)).toEqual(['unsaved']);
    expect(statuses[0]).toMatchObject({ unsaved: { problem: expect.stringContaining('Could not save') } });

    await unblock();
    expect(await store.flush()).toBe(true);
    expect(states(statuses)).toEqual(['unsaved', 'saved']);
    expect(statuses.at(-1)).toEqual({ state: 'ok', file });
  });

  it('a conflict when a save finds the file changed, and saved again once the user keeps their version', async () => {
    const { store, statuses } = await open();
    await store.update((data) => data.accessKeys.push(key(1)));
    await writeFile(file, storeText(7));
    await store.update((data) => data.accessKeys.push(key(2)));
    expect(states(statuses)).toEqual(['conflict']);
    expect(statuses[0]).toMatchObject({ unsavedChanges: { accessKeys: { created: { count: 1 } } } });

    await store.resolveConflict('overwrite');
    expect(states(statuses)).toEqual(['conflict', 'unsaved', 'saved']);
  });

  it('ok after a reload resolves a conflict, and after a damaged file is restored from a backup', async () => {
    const { store, statuses } = await open();
    await store.update((data) => data.accessKeys.push(key(1)));
    await writeFile(file, storeText(7));
    await store.update((data) => data.accessKeys.push(key(2)));
    await store.resolveConflict('reload');
    expect(states(statuses)).toEqual(['conflict', 'saved']);
    await store.update((data) => data.accessKeys.push(key(3))); // migrates their single file: a backup of it is kept
    await store.close();

    await writeFile(file, '{"schemaVersion": 2, "accessKeys": [');
    const damaged = await open();
    expect(damaged.store.status.state).toBe('unreadable'); // how it opened: asked for, not told
    expect(damaged.statuses).toEqual([]);
    await damaged.store.restoreNewestBackup();
    expect(damaged.statuses).toEqual([{ state: 'ok', file }]);
  });
});

describe('changes made by something else', () => {
  it('a read-only second instance reloads what the writing instance saves, and says which collections changed', async () => {
    const writer = await open({ watch: true });
    await writer.store.update((data) => data.accessKeys.push(key(1)));
    const reader = await open({ watch: true });
    expect(reader.store.status).toMatchObject({ state: 'readOnly', cause: 'anotherInstance' });

    await writer.store.update((data) => data.accessKeys.push(key(2)));
    await expect.poll(() => reader.store.read().accessKeys.map((k) => k.name)).toEqual(['key-1', 'key-2']);
    expect(reader.outside).toEqual([['accessKeys']]);

    await writer.store.update((data) => {
      data.apiGroups.push({ id: '0000000000g1', name: 'orders', description: '', region: 'cn-north-1', environment: 'test', host: 'xv3xbwah945y.cn-north-1.jdcloud-api.net', createdAt: key(1).createdAt, updatedAt: key(1).updatedAt });
    });
    await expect.poll(() => reader.outside.length).toBe(2);
    expect(reader.outside[1]).toEqual(['apiGroups']);
    // The reader never writes and keeps its status; the writer never took its own saves for someone else's.
    expect(reader.statuses).toEqual([]);
    expect(writer.statuses).toEqual([]);
    expect(writer.outside).toEqual([]);
    expect(await writer.store.checkOutsideChange()).toEqual({ kind: 'unchanged' });
  });

  it('the writing instance reports a conflict at once, and neither takes nor overwrites the other program’s file', async () => {
    const { store, statuses, outside } = await open({ watch: true });
    await store.update((data) => data.accessKeys.push(key(1)));
    const theirs = storeText(7);
    await writeFile(file, theirs);

    await expect.poll(() => store.status.state).toBe('conflict');
    expect(states(statuses)).toEqual(['conflict']);
    expect(statuses[0]).toMatchObject({ problem: expect.stringContaining('did not overwrite it'), unsavedChanges: { total: 0 } });
    expect(store.read().accessKeys.map((k) => k.name)).toEqual(['key-1']);
    expect(outside).toEqual([]);
    expect(await readFile(file, 'utf8')).toBe(theirs);
  });

  it('with changes waiting to be saved, the conflict lists them and nothing is saved over their file', async () => {
    const { store, statuses } = await open({ watch: true });
    await store.update((data) => data.accessKeys.push(key(1)));
    const unblock = await blocker();
    await store.update((data) => data.accessKeys.push(key(2)));
    const theirs = storeText(7);
    await writeFile(file, theirs); // in place: the folder's flag does not stop that
    await unblock();

    await expect.poll(() => store.status.state).toBe('conflict');
    expect(states(statuses)).toEqual(['unsaved', 'conflict']);
    expect(store.status).toMatchObject({ unsavedChanges: { accessKeys: { created: { count: 1, items: [{ name: 'key-2' }] } } } });
    expect(await store.flush()).toBe(false); // no save over their file until the user chooses
    expect(await readFile(file, 'utf8')).toBe(theirs);
  });

  it('a read-only instance keeps what it shows when the new file cannot be read, and takes the next good one', async () => {
    const writer = await open();
    await writer.store.update((data) => data.accessKeys.push(key(1)));
    const reader = await open();
    await writer.store.close();

    await writeFile(file, '{"schemaVersion": 2, "accessKeys": ['); // half-written by something that does not write atomically
    expect(await reader.store.checkOutsideChange()).toEqual({ kind: 'unreadable' });
    expect(reader.store.read().accessKeys.map((k) => k.name)).toEqual(['key-1']);
    expect(reader.store.status.state).toBe('readOnly');

    await writeFile(file, storeText(7, 8));
    expect(await reader.store.checkOutsideChange()).toEqual({ kind: 'reloaded', collections: ['accessKeys'] });
    expect(reader.store.read().accessKeys.map((k) => k.name)).toEqual(['key-7', 'key-8']);
    expect(await reader.store.checkOutsideChange()).toEqual({ kind: 'unchanged' });
  });

  it('the command line (read-only on request) never watches and never reloads', async () => {
    const writer = await open();
    await writer.store.update((data) => data.accessKeys.push(key(1)));
    const cli = await MetadataStore.open(file, { readOnly: true });
    opened.push(cli);
    await writer.store.update((data) => data.accessKeys.push(key(2)));
    expect(await cli.checkOutsideChange()).toEqual({ kind: 'skipped' });
    expect(cli.read().accessKeys.map((k) => k.name)).toEqual(['key-1']);
  });
});
