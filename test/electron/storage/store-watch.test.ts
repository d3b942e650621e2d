import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchFile, type FileWatch } from '../../../electron/storage/store-watch';

let dir: string;
let watch: FileWatch | undefined;
let witness: FileWatch | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gatekey-watch-'));
});
afterEach(async () => {
  watch?.close();
  watch = undefined;
  witness?.close();
  witness = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe('watchFile', () => {
  it('checks after a file is renamed over the watched one (how every save lands)', async () => {
    const file = join(dir, 'gatekey-store.json');
    await writeFile(file, 'one');
    let checks = 0;
    // No poll within the test: only the folder's notices can trigger it.
    watch = watchFile(file, async () => void checks++, { debounceMs: 20, pollMs: 3_600_000 });

    await writeFile(join(dir, '.gatekey-store.json.tmp'), 'two');
    await rename(join(dir, '.gatekey-store.json.tmp'), file);
    await expect.poll(() => checks).toBeGreaterThan(0);
  });

  it('does not check for other names in the folder', async () => {
    const file = join(dir, 'gatekey-store.json');
    await writeFile(file, 'one');
    let checks = 0;
    watch = watchFile(file, async () => void checks++, { debounceMs: 20, pollMs: 3_600_000 });
    // The witness: a second open watch on the lock's name, with a longer quiet time, so by the
    // time it checks, notices for the folder have arrived and any check of the first has run.
    let seen = 0;
    witness = watchFile(join(dir, 'gatekey.lock'), async () => void seen++, { debounceMs: 200, pollMs: 3_600_000 });

    await writeFile(join(dir, '.gatekey-store.json.tmp'), 'a temp file, never renamed');
    await writeFile(join(dir, 'gatekey.lock'), 'not the store');
    await expect.poll(() => seen).toBeGreaterThan(0);
    expect(checks).toBe(0);
  });

  it('runs one check for a burst of notices', async () => {
    const file = join(dir, 'gatekey-store.json');
    let checks = 0;
    let release: () => void = () => undefined;
    const firstCheck = new Promise<void>((resolve) => (release = resolve));
    watch = watchFile(file, async () => {
      checks++;
      await firstCheck; // a slow check: notices meanwhile queue one more, not one each
    }, { debounceMs: 20, pollMs: 3_600_000 });

    await writeFile(file, 'a');
    await expect.poll(() => checks).toBe(1);
    for (const text of ['b', 'c', 'd', 'e']) await writeFile(file, text);
    release();
    await expect.poll(() => checks).toBe(2);
  });

  it('notices a change by polling where no folder notice can come (the folder did not exist yet)', async () => {
    const folder = join(dir, 'later');
    const file = join(folder, 'gatekey-store.json');
    let checks = 0;
    watch = watchFile(file, async () => void checks++, { debounceMs: 20, pollMs: 100 });

    await mkdir(folder);
    await writeFile(file, 'made by the writing instance');
    await expect.poll(() => checks).toBeGreaterThan(0);
  });

  it('stops checking once closed', async () => {
    const file = join(dir, 'gatekey-store.json');
    let checks = 0;
    watch = watchFile(file, async () => void checks++, { debounceMs: 20, pollMs: 50 });
    watch.close();
    await writeFile(file, 'after close');
    // Something that must happen after any check would have: a second watch, still open, sees this change.
    let seen = 0;
    const witness = watchFile(file, async () => void seen++, { debounceMs: 20, pollMs: 50 });
    await writeFile(file, 'seen by the witness');
    await expect.poll(() => seen).toBeGreaterThan(0);
    witness.close();
    expect(checks).toBe(0);
  });
});
