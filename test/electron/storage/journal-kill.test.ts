import { fork } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreData } from '../../../electron/shared/store/schema';
import { MetadataStore } from '../../../electron/storage/metadata-store';
import { seededRandom } from '../../support/seeded-random';

/*
 * Real processes killed with SIGKILL while they save and compact, each
 * running the real store: it is bundled from source into one .mjs for plain
 * Node (there is no tsx here, and the storage has no built output of its own).
 * After each kill the store must open, hold every change the process heard
 * acknowledged, and no change only in part.
 */
const source = fileURLToPath(new URL('../../../electron/storage/metadata-store.ts', import.meta.url));

// Each change n adds key n and group n, renames key n-1, and every 4th deletes group n-1: all or nothing.
const WRITER = `
const { MetadataStore } = await import(process.argv[2]);
const [file, killAt, entries] = process.argv.slice(3);
const at = '2026-11-29T10:00:00.000Z';
const hex = (n, width) => n.toString(16).padStart(width, '0');
const key = (n) => ({ id: hex(n, 12), name: 'key-' + n, description: '', apiKey: hex(n, 32).toUpperCase(), createdAt: at, updatedAt: at });
const group = (n) => ({ id: 'g' + n.toString(36).padStart(11, '0'), name: 'group-' + n, description: '', region: 'cn-north-1', environment: 'test', host: 'h' + n + '.cn-north-1.jdcloud-api.net', createdAt: at, updatedAt: at });
const store = await MetadataStore.open(file, {
  compaction: { entries: Number(entries), onStep: (step) => { if (step === killAt) process.kill(process.pid, 'SIGKILL'); } },
});
if (store.status.state !== 'ok') { console.error(JSON.stringify(store.status)); process.exit(3); }
let n = store.read().accessKeys.length;
process.send({ type: 'ready', from: n });
for (;;) {
  const m = ++n;
  await store.update((draft) => {
    draft.accessKeys.push(key(m));
    draft.apiGroups.push(group(m));
    if (m > 1) draft.accessKeys = draft.accessKeys.map((k) => (k.id === key(m - 1).id ? { ...k, name: 'key-' + (m - 1) + '-edited' } : k));
    if (m % 4 === 0) draft.apiGroups = draft.apiGroups.filter((g) => g.id !== group(m - 1).id);
  });
  if (store.status.state !== 'ok' || store.status.unsaved) { console.error(JSON.stringify(store.status)); process.exit(4); }
  process.send({ type: 'acked', n: m });
}
`;

let work: string;
let writer: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'gatekey-journal-kill-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    ssr: { noExternal: true },
    build: { ssr: source, outDir: work, emptyOutDir: false, minify: false, rollupOptions: { output: { format: 'es', entryFileNames: 'metadata-store.mjs' } } },
  });
  writer = join(work, 'writer.mjs');
  await writeFile(writer, WRITER);
}, 120_000);

afterAll(() => rm(work, { recursive: true, force: true }));

/** Runs the writer until it is killed (by `killAt` at a compaction step, or by us after `afterMs`); returns the last change it heard acknowledged. */
function runUntilKilled(file: string, options: { killAt?: string; afterMs?: number; entries: number }): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = fork(writer, [join(work, 'metadata-store.mjs'), file, options.killAt ?? 'never', String(options.entries)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let acked = 0;
    let timer: NodeJS.Timeout | undefined;
    child.on('message', (message: { type: string; n?: number }) => {
      if (message.type === 'acked') acked = message.n!;
      if (message.type === 'ready' && options.afterMs !== undefined) timer = setTimeout(() => child.kill('SIGKILL'), options.afterMs);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`the writer exited by itself (${code})`));
    });
  });
}

/** The store holds changes 1..last whole, and nothing of any later one. */
function expectWholeChanges(data: StoreData, acknowledged: number): number {
  const last = data.accessKeys.length;
  expect(last).toBeGreaterThanOrEqual(acknowledged);
  expect(data.accessKeys.map((k) => k.name)).toEqual(Array.from({ length: last }, (_, i) => (i + 1 < last ? `key-${i + 1}-edited` : `key-${i + 1}`)));
  const groups = Array.from({ length: last }, (_, i) => i + 1).filter((n) => !(n + 1 <= last && (n + 1) % 4 === 0));
  expect(data.apiGroups.map((g) => g.name)).toEqual(groups.map((n) => `group-${n}`));
  return last;
}

/** Opens the store as the app would after the crash, checks it, and proves it still saves (a torn line is cut off first). */
async function reopenAndCheck(file: string, acknowledged: number): Promise<void> {
  const store = await MetadataStore.open(file);
  const status = store.status;
  if (acknowledged === 0 && status.state === 'unreadable' && status.problem.includes('which lists them, is missing')) {
    // Killed inside the very first save, before its manifest: nothing was acknowledged, but Gatekey never starts
    // afresh over snapshots and journals no manifest lists (they could be the only copy of a store). The user moves them away.
    await store.close();
    for (const name of await readdir(dirname(file))) if (name.startsWith('gatekey-store.')) await rm(join(dirname(file), name));
    return;
  }
  expect(status).toEqual({ state: 'ok', file });
  const last = expectWholeChanges(store.read() as StoreData, acknowledged);
  if (last === 0) return store.close().then(() => undefined); // killed before its first save (a busy machine): nothing to edit
  await store.update((draft) => {
    draft.accessKeys = draft.accessKeys.map((k, i) => (i === last - 1 ? { ...k, name: `${k.name}-edited` } : k));
  });
  await store.close();
  const again = await MetadataStore.open(file);
  expect(again.read().accessKeys.at(-1)?.name).toBe(`key-${last}-edited`);
  await again.close();
}

describe('killed with SIGKILL', () => {
  it('at random moments while saving and compacting (every 5 changes): every acknowledged change is kept, none in part', async () => {
    const random = seededRandom(14);
    const dir = await mkdtemp(join(work, 'random-'));
    const file = join(dir, 'gatekey-store.json');
    for (let round = 0; round < 12; round += 1) {
      const acknowledged = await runUntilKilled(file, { afterMs: 20 + Math.floor(random() * 300), entries: 5 });
      await reopenAndCheck(file, acknowledged);
      // Put the extra edit of the check back into the writer's pattern: the next round goes on from there.
      const store = await MetadataStore.open(file);
      await store.update((draft) => {
        draft.accessKeys = draft.accessKeys.map((k, i, all) => (i === all.length - 1 ? { ...k, name: `key-${all.length}` } : k));
      });
      await store.close();
    }
  }, 180_000);

  const steps = ['rotated', 'snapshot:accessKeys', 'snapshot:apiGroups', 'backedUp', 'committed', 'cleaned'];
  it.each(steps)('right after compaction step %s: the store opens whole, and the next compaction completes', async (step) => {
    const dir = await mkdtemp(join(work, 'step-'));
    const file = join(dir, 'gatekey-store.json');
    const acknowledged = await runUntilKilled(file, { killAt: step, entries: 6 });
    expect(acknowledged).toBeGreaterThanOrEqual(6);
    await reopenAndCheck(file, acknowledged);
    // A compaction after the crash folds everything in and leaves no file of the crashed one behind.
    const store = await MetadataStore.open(file, { compaction: { entries: 1 } });
    await store.update((draft) => {
      draft.jdcloud.deletedAuthorizations = [];
      draft.jdcloud.account = { accessKeyId: 'JDAK0001', regions: ['cn-north-1'], endpoint: 'https://apigateway.jdcloud-api.com', connectedAt: '2026-12-01T00:00:00.000Z' };
    });
    await store.close();
    const names = (await readdir(dir)).filter((name) => name.startsWith('gatekey-store.') && name !== 'gatekey-store.json');
    expect(names.filter((name) => name.endsWith('.jsonl'))).toHaveLength(1);
    expect(names.filter((name) => name.endsWith('.json'))).toHaveLength(5);
    const reopened = await MetadataStore.open(file);
    expect(reopened.read().jdcloud.account?.accessKeyId).toBe('JDAK0001');
    await reopened.close();
  }, 120_000);
});
