import { fork } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockSaves, keyNamesOnDisk } from '../../support/store-files';

// The tests' own tool for a disk that refuses writes (test/support/save-blocker.ts):
// it must block real saves for root and for a developer's own user alike, and
// never leave a folder blocked after a test, whether that test passed or not.

const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'gatekey-save-blocker-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('blockSaves inside a test', () => {
  let left: string;
  it('blocks the folder, and the test ends without undoing it (as a failed assertion would)', async () => {
    left = await mkdtemp(join(work, 'left-'));
    await blockSaves(left);
    await expect(writeFile(join(left, 'new-file'), 'x')).rejects.toMatchObject({ code: expect.stringMatching(/^(EPERM|EACCES)$/) });
  });

  it('the folder is writable again once that test ended', async () => {
    await writeFile(join(left, 'new-file'), 'x');
    await rm(left, { recursive: true });
  });

  it('undoing twice (by hand, then at the end of the test) is harmless', async () => {
    const folder = await mkdtemp(join(work, 'twice-'));
    const before = (await stat(folder)).mode;
    const unblock = await blockSaves(folder);
    await unblock();
    await unblock();
    expect((await stat(folder)).mode).toBe(before);
    await writeFile(join(folder, 'new-file'), 'x');
  });
});

/*
 * A developer who runs the tests as themselves, not root: a child process
 * under another user's id (nobody) when these tests run as root, or simply
 * this user. It runs the real store (bundled from source for plain Node, as
 * journal-kill.test.ts does) and the real blocker.
 */
const CHILD = `
const [store, blocker, dir] = process.argv.slice(2);
const { MetadataStore } = await import(store);
const { blockWrites } = await import(blocker);
const at = '2026-11-29T10:00:00.000Z';
const key = (n) => ({ id: n.toString(16).padStart(12, '0'), name: 'key-' + n, description: '', apiKey: n.toString(16).padStart(32, '0').toUpperCase(), createdAt: at, updatedAt: at });
const opened = await MetadataStore.open(dir + '/gatekey-store.json');
await opened.update((draft) => { draft.accessKeys.push(key(1)); });
await opened.update((draft) => { draft.accessKeys.push(key(2)); }); // a journal line: the journal is open now
const unblock = await blockWrites(dir);
await opened.update((draft) => { draft.accessKeys.push(key(3)); });
const blocked = opened.status;
await unblock();
await unblock();
const flushed = await opened.flush();
const after = opened.status;
await opened.close();
process.send({ uid: process.getuid(), blocked, flushed, after });
`;

describe('blockWrites for a user who is not root', () => {
  it('fails a real save, and once undone the change saves and every mode is as before', async () => {
    const bundle = join(work, 'bundle');
    await mkdir(bundle);
    await build({
      configFile: false,
      logLevel: 'silent',
      ssr: { noExternal: true },
      build: {
        ssr: true,
        outDir: bundle,
        emptyOutDir: false,
        minify: false,
        rollupOptions: {
          input: {
            store: fileURLToPath(new URL('../../../electron/storage/metadata-store.ts', import.meta.url)),
            blocker: fileURLToPath(new URL('../../support/save-blocker.ts', import.meta.url)),
          },
          output: { format: 'es', entryFileNames: '[name].mjs' },
        },
      },
    });
    await writeFile(join(bundle, 'child.mjs'), CHILD);
    const data = join(work, 'data');
    await mkdir(data, { mode: 0o700 });
    if (asRoot) {
      for (const path of [work, bundle]) await chmod(path, 0o755);
      await chown(data, NOBODY, NOBODY);
    }
    const result = await new Promise<Record<string, unknown>>((resolve, reject) => {
      const child = fork(join(bundle, 'child.mjs'), [join(bundle, 'store.mjs'), join(bundle, 'blocker.mjs'), data], {
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
      });
      let message: Record<string, unknown> | undefined;
      child.on('message', (sent) => (message = sent as Record<string, unknown>));
      child.once('error', reject);
      child.once('exit', (code) => (message ? resolve(message) : reject(new Error(`the child exited with ${code} and told nothing`))));
    });
    expect(result.uid).not.toBe(0);
    expect(result.blocked).toMatchObject({ state: 'ok', unsaved: { problem: expect.stringContaining('Could not save') } });
    expect(result.flushed).toBe(true);
    expect(result.after).toEqual({ state: 'ok', file: join(data, 'gatekey-store.json') });
    expect(await keyNamesOnDisk(join(data, 'gatekey-store.json'))).toEqual(['key-1', 'key-2', 'key-3']);
    expect((await stat(data)).mode & 0o777).toBe(0o700);
    expect((await stat(join(data, 'gatekey-store.journal.1.jsonl'))).mode & 0o777).toBe(0o600);
  }, 120_000);
});

describe('blockSaves outside a running test (in a hook)', () => {
  let folder: string;
  let unblock: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    folder = await mkdtemp(join(work, 'hook-'));
    unblock = await blockSaves(folder);
  });
  afterAll(() => unblock?.());

  it('blocks all the same, and the caller’s own call undoes it', async () => {
    await expect(writeFile(join(folder, 'new-file'), 'x')).rejects.toMatchObject({ code: expect.stringMatching(/^(EPERM|EACCES)$/) });
    await unblock!();
    await writeFile(join(folder, 'new-file'), 'x');
  });
});
