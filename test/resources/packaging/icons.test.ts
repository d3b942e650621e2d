import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG_SIZES, renderIcons } from '../../../resources/packaging/icons.mjs';
import { icnsEntries, icoEntries, pngSize } from './image-headers';

// `npm run icons` for real (resvg and png2icons), into a temp folder.
const resources = fileURLToPath(new URL('../../../resources/', import.meta.url));
let outDir: string;
let written: string[];

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'gatekey-icons-'));
  written = await renderIcons({ outDir });
}, 60_000);

afterAll(() => rm(outDir, { recursive: true, force: true }));

const read = (name: string) => readFile(join(outDir, name));

describe('npm run icons', () => {
  it('writes one square PNG per size, 16 to 1024 px', async () => {
    expect(PNG_SIZES).toEqual([16, 24, 32, 48, 64, 128, 256, 512, 1024]);
    for (const size of PNG_SIZES) {
      expect(pngSize(await read(`icons/${size}x${size}.png`)), `${size}x${size}.png`).toEqual({ width: size, height: size });
    }
  });

  it('writes a Windows .ico with every size Explorer asks for, up to 256 px', async () => {
    const entries = icoEntries(await read('icon.ico'));
    expect(entries.map((e) => e.width).sort((a, b) => a - b)).toEqual([16, 24, 32, 48, 64, 72, 96, 128, 256]);
    for (const entry of entries) {
      expect(entry.height).toBe(entry.width);
      expect([entry.imageWidth, entry.imageHeight]).toEqual([entry.width, entry.height]);
      // Below 64 px as bitmaps, for old Explorer versions; PNG above.
      expect(entry.format).toBe(entry.width < 64 ? 'bmp' : 'png');
    }
  });

  it('writes a macOS .icns whose PNG entries have the sizes their types promise', async () => {
    const pngTypes: Record<string, number> = { ic11: 32, ic12: 64, ic07: 128, ic13: 256, ic08: 256, ic14: 512, ic09: 512, ic10: 1024 };
    const entries = icnsEntries(await read('icon.icns'));
    expect(entries.map((e) => e.type).sort()).toEqual([...Object.keys(pngTypes), 'il32', 'is32', 'l8mk', 's8mk'].sort());
    for (const { type, data } of entries) {
      const size = pngTypes[type];
      if (size) expect(pngSize(data), type).toEqual({ width: size, height: size });
    }
  });

  it('wrote nothing else', () => {
    expect(written.map((file) => file.slice(outDir.length + 1)).sort()).toEqual(
      [...PNG_SIZES.map((size) => join('icons', `${size}x${size}.png`)), 'icon.icns', 'icon.ico'].sort(),
    );
  });

  it('matches the committed icons: run `npm run icons` after editing resources/icon.svg', async () => {
    for (const file of written) {
      const name = file.slice(outDir.length + 1);
      expect((await readFile(join(resources, name))).equals(await readFile(file)), name).toBe(true);
    }
  });
});
