import { execFile } from 'node:child_process';
import { access, chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { listPackage } from '@electron/asar';
import electronFuses from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * A real `electron-builder --linux dir` run, offline: Electron's own download
 * is replaced by a fake unpacked Electron (a stand-in binary with a fuse wire),
 * so everything electron-builder does itself runs for real: file selection,
 * asar with keytar unpacked, no rebuild, and the afterPack fuse hook.
 * Installers (AppImage, deb, dmg, nsis) need tools it downloads: not here.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
let work: string;
let unpacked: string;

beforeAll(async () => {
  await access(join(root, 'dist/electron/main.cjs')).catch(() => {
    throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
  });
  work = await mkdtemp(join(tmpdir(), 'gatekey-pack-'));
  const electronDist = join(work, 'electron-dist');
  await mkdir(join(electronDist, 'resources'), { recursive: true });
  // Electron 45's default fuse wire: 9 fuses, version 1.
  await writeFile(join(electronDist, 'electron'), Buffer.concat([Buffer.from('fake electron '), Buffer.from(SENTINEL), Buffer.from([1, 9]), Buffer.from('101100011')]));
  await chmod(join(electronDist, 'electron'), 0o755);
  await writeFile(join(electronDist, 'LICENSE'), 'fake');
  await writeFile(join(electronDist, 'version'), '45.5.0');
  const cli = join(root, 'node_modules/electron-builder/cli.js');
  const args = [cli, '--linux', 'dir', '--publish', 'never', `-c.electronDist=${electronDist}`, '-c.electronVersion=45.5.0', `-c.directories.output=${join(work, 'release')}`];
  await promisify(execFile)(process.execPath, args, { cwd: root, env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
  unpacked = join(work, 'release', 'linux-unpacked');
}, 120_000);

afterAll(() => rm(work, { recursive: true, force: true }));

describe('electron-builder --linux dir (with a stand-in Electron)', () => {
  it('flips the fuses through the afterPack hook', async () => {
    const wire = await electronFuses.getCurrentFuseWire(join(unpacked, 'gatekey'));
    const on = 49;
    const off = 48;
    // RunAsNode, CookieEncryption, NODE_OPTIONS, --inspect, asar integrity, asar only, V8 snapshot, file: privileges, (untouched 9th).
    // file: privileges are off: the renderer is served from app:// (electron/main/app-protocol.ts).
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => wire[i as keyof typeof wire])).toEqual([off, on, off, off, on, on, off, off, on]);
  });

  it('packs only the built app and the window icon into app.asar', () => {
    const files = listPackage(join(unpacked, 'resources', 'app.asar'), { isPack: false }).filter((f) => !f.startsWith('/node_modules'));
    expect(files).toContain('/dist/electron/main.cjs');
    expect(files).toContain('/dist/electron/preload.cjs');
    expect(files).toContain('/dist/renderer/index.html');
    expect(files).toContain('/resources/icons/512x512.png');
    expect(files.filter((f) => /\.(ts|tsx|svg|icns|ico)$/.test(f))).toEqual([]);
  });

  it("unpacks keytar's native module next to the asar", async () => {
    await access(join(unpacked, 'resources', 'app.asar.unpacked', 'node_modules', 'keytar', 'build', 'Release', 'keytar.node'));
  });
});
