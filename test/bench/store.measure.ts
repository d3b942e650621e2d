import { mkdtemp, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'vitest';
import { MetadataStore } from '../../electron/storage/metadata-store';
import { bareReadAndParse, storeFilesOf, writeStoreOfScale } from './bench-store';
import { interleaved, ratioOf, report, RUNS, stats, timed, wantedScales, type Row } from './measure';
import { scales } from './scale-data';

// Figures, not pass/fail: the store's load and one saved change, each beside its floor.

/** Sizes of the store's journal files now. */
async function journalSizes(dir: string): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  for (const name of await readdir(dir)) if (name.endsWith('.jsonl')) sizes.set(name, (await stat(join(dir, name))).size);
  return sizes;
}

/** What the store appended to its journals since `before`: the bytes one saved change wrote. */
async function journalGrowth(dir: string, before: Map<string, number>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (const [name, size] of await journalSizes(dir)) {
    const from = before.get(name) ?? 0;
    if (size > from) parts.push((await readFile(join(dir, name))).subarray(from));
  }
  return Buffer.concat(parts);
}

it('store load and one saved change at 1/100, 1/10 and full scale', async () => {
  const rows: Row[] = [];
  const extra: Record<string, unknown> = {};
  const saveRatios: Record<string, number> = {};
  for (const scale of scales.filter((s) => wantedScales.includes(s.label))) {
    const dir = await mkdtemp(join(tmpdir(), 'gatekey-bench-'));
    try {
      const file = await writeStoreOfScale(dir, scale);
      const files = await storeFilesOf(file);
      let bytes = 0;
      for (const path of files) bytes += (await stat(path)).size;
      const size = `${files.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB`;
      extra[`store at ${scale.label}`] = size;

      // Load: a fresh read-only open (as the command line opens it) against reading and parsing the same files.
      const load = await interleaved(RUNS, {
        figure: async () => {
          let store: MetadataStore | undefined;
          const ms = await timed(async () => {
            store = await MetadataStore.open(file, { readOnly: true });
            if (store.read().accessKeys.length < scale.accessKeys) throw new Error('the store did not load its keys');
          });
          await store!.close();
          return ms;
        },
        floor: () => timed(() => bareReadAndParse(file)),
      });
      rows.push({ scale: scale.label, what: 'store load, cold (open read-only + read)', figure: load.figure, floorWhat: 'read + JSON.parse of the same files', floor: load.floor, target: '<= 1.3x', met: ratioOf(load) <= 1.3, note: size });

      // One saved change: update -> on disk, against appending and fsyncing the bytes it appended.
      const store = await MetadataStore.open(file);
      const floorFile = await open(join(dir, 'floor.jsonl'), 'a', 0o600);
      let appended: Buffer = Buffer.alloc(0);
      let n = 0;
      try {
        const save = await interleaved(RUNS, {
          figure: async () => {
            const before = await journalSizes(dir);
            n += 1;
            const ms = await timed(() =>
              store.update((data) => {
                data.apiGroups.push({ ...data.apiGroups[0]!, id: `zz${n.toString(36).padStart(10, '0')}`, name: `bench-group-${n}` });
              }),
            );
            appended = await journalGrowth(dir, before);
            if (appended.length === 0) throw new Error('the saved change appended nothing to a journal: is the store journaled?');
            return ms;
          },
          // A handle kept open, as a journal's would be: the floor is the write and the fsync alone.
          floor: () =>
            timed(async () => {
              await floorFile.write(appended);
              await floorFile.sync();
            }),
        });
        saveRatios[scale.label] = ratioOf(save);
        rows.push({
          scale: scale.label,
          what: 'one saved change (update -> on disk)',
          figure: save.figure,
          floorWhat: 'append + fsync of the same journal bytes',
          floor: save.floor,
          target: '<= 1.5x, flat across scales',
          met: ratioOf(save) <= 1.5,
          note: `${appended.length} bytes appended`,
        });
        extra[`one saved change at ${scale.label}, median`] = `${stats(save.figure.runs).median.toFixed(2)} ms`;
      } finally {
        await floorFile.close();
        await store.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  if (saveRatios['1/100'] !== undefined && saveRatios.full !== undefined) {
    extra['one saved change, ratio at full / ratio at 1/100 (flat = about 1)'] = (saveRatios.full / saveRatios['1/100']).toFixed(2);
  }
  await report('Store (Node)', rows, extra);
}, 1_800_000);
