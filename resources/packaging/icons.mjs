// @ts-check
/*
 * `npm run icons`: renders every icon the app and its installers use from the
 * one source, resources/icon.svg. Offline: resvg (SVG -> PNG) and png2icons
 * (PNG -> .icns/.ico) are plain npm packages. The outputs are committed, so
 * packaging does not depend on this script; run it again after editing the SVG.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

const resources = fileURLToPath(new URL('../', import.meta.url));

/** Linux wants one PNG per size (electron-builder reads resources/icons/NxN.png); the window and About use them too. */
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

/**
 * The SVG as a square PNG, `size` pixels wide.
 * @param {Buffer} svg
 * @param {number} size
 */
export function renderPng(svg, size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng();
}

/**
 * Writes icons/NxN.png for each size, icon.icns (macOS) and icon.ico (Windows)
 * into `outDir`, and returns the paths written.
 * @param {{ source?: string; outDir?: string }} [options]
 */
export async function renderIcons({ source = join(resources, 'icon.svg'), outDir = resources } = {}) {
  const svg = await readFile(source);
  await mkdir(join(outDir, 'icons'), { recursive: true });
  const written = [];
  for (const size of PNG_SIZES) {
    const file = join(outDir, 'icons', `${size}x${size}.png`);
    await writeFile(file, renderPng(svg, size));
    written.push(file);
  }
  // png2icons scales the 1024 px render down to each size the formats hold.
  const largest = renderPng(svg, 1024);
  const icns = png2icons.createICNS(largest, png2icons.BICUBIC2, 0);
  // forWinExe: PNG entries, with BMP for the sizes below 64 that old Explorer versions need.
  const ico = png2icons.createICO(largest, png2icons.BICUBIC2, 0, false, true);
  if (!icns || !ico) throw new Error('png2icons could not convert the rendered icon.');
  for (const [name, data] of /** @type {const} */ ([['icon.icns', icns], ['icon.ico', ico]])) {
    await writeFile(join(outDir, name), data);
    written.push(join(outDir, name));
  }
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const written = await renderIcons();
  process.stdout.write(`Wrote ${written.length} icon files under ${resources}\n`);
}
