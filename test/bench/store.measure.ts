import { randomBytes } from 'node:crypto';
import { mkdtemp, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import keytar from 'keytar';
import { it } from 'vitest';
import { MetadataStore } from '../../electron/storage/metadata-store';
import { createBackend, STORE_FILE_NAME } from '../../electron/ipc/backend';
import { keytarSecretStore } from '../../electron/storage/keytar-secret-store';
import { MemoryClipboard } from '../support/memory-clipboard';
import { clearKeychainService, RecordingDesktop, testKeychainService } from '../support/test-backend';
import { medianMs, report, type Row } from './measure';
import { scales, storeOfScale } from './scale-data';

// Figures, not pass/fail: each measurement beside its floor, taken in the same run.
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const wanted = (process.env.BENCH_SCALES ?? '1/100,1/10,full').split(',');
const REAL_KEYCHAIN_ENTRIES = Number(process.env.BENCH_KEYCHAIN_ENTRIES ?? 300);

/** The floor of a save: write the same bytes to a temp file, fsync, rename. */
async function bareDurableWrite(file: string, bytes: Buffer): Promise<void> {
  const handle = await open(`${file}.floor`, 'w', 0o600);
  await handle.writeFile(bytes);
  await handle.sync();
  await handle.close();
  await rename(`${file}.floor`, `${file}.floor-done`);
}

it('store and access-key figures at 1/100, 1/10 and full scale', async () => {
  const rows: Row[] = [];
  const extra: Record<string, unknown> = {};
  for (const scale of scales.filter((s) => wanted.includes(s.label))) {
    const dir = await mkdtemp(join(tmpdir(), 'gatekey-bench-'));
    const file = join(dir, STORE_FILE_NAME);
    const text = JSON.stringify(storeOfScale(scale));
    await writeFile(file, text);
    extra[`store size at ${scale.label}`] = `${(text.length / 1024 / 1024).toFixed(1)} MB`;

    const loadMs = await medianMs(RUNS, async () => (await MetadataStore.open(file, { readOnly: true })).read());
    const parseMs = await medianMs(RUNS, async () => JSON.parse(await readFile(file, 'utf8')));
    rows.push({ scale: scale.label, what: 'store load (open, validate, index-ready)', ms: loadMs, floorWhat: 'readFile + JSON.parse', floorMs: parseMs, target: '<= 1.5x' });

    const store = await MetadataStore.open(file);
    let n = 0;
    const saveMs = await medianMs(RUNS, () =>
      store.update((data) => {
        n += 1;
        data.apiGroups.push({ ...data.apiGroups[0]!, id: `zz${n.toString(36).padStart(10, '0')}`, name: `bench-group-${n}` });
      }),
    );
    const bytes = Buffer.from(JSON.stringify(store.read()));
    const floorSaveMs = await medianMs(RUNS, () => bareDurableWrite(file, bytes));
    rows.push({ scale: scale.label, what: 'one saved change (update -> on disk)', ms: saveMs, floorWhat: 'write+fsync+rename, same bytes', floorMs: floorSaveMs, target: '<= 1.5x' });
    await store.close();
    extra[`main-process RSS after ${scale.label}`] = `${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`;

    // Creating a key end to end, with the real keychain holding a few hundred real entries.
    const service = testKeychainService();
    try {
      for (let i = 0; i < Math.min(REAL_KEYCHAIN_ENTRIES, scale.accessKeys); i += 1) await keytar.setPassword(service, `bench${i.toString(16).padStart(8, '0')}`, randomBytes(16).toString('hex'));
      const { dispatch, shutdown } = await createBackend({ dataDir: dir, secrets: keytarSecretStore(service), clipboard: new MemoryClipboard(), desktop: new RecordingDesktop(), version: 'bench' });
      let k = 0;
      const createMs = await medianMs(RUNS, async () => {
        k += 1;
        const result = await dispatch('accessKeys.create', { name: `bench-new-${k}`, description: '' });
        if (!result.ok) throw new Error(result.error.message);
      });
      let b = 0;
      const setPasswordMs = await medianMs(RUNS, () => keytar.setPassword(service, `bare${(b += 1)}`, randomBytes(16).toString('hex')));
      rows.push({ scale: scale.label, what: 'create one access key (IPC -> keychain -> disk)', ms: createMs, floorWhat: 'one bare keytar.setPassword', floorMs: setPasswordMs, target: '<= 2x' });
      await shutdown();
    } finally {
      await clearKeychainService(service);
      await rm(dir, { recursive: true, force: true });
    }
  }
  await report('Store and access keys (Node, real keychain)', rows, extra);
}, 900_000);
