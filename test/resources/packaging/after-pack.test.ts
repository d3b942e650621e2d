import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Arch } from 'electron-builder';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import afterPack, { FUSES } from '../../../resources/packaging/after-pack.mjs';

/*
 * The afterPack hook against fake packed apps: a folder laid out as
 * electron-builder leaves it, with a made-up "Electron binary" that holds a
 * fuse wire like the real one. The real @electron/fuses flips it.
 */

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'; // @electron/fuses' marker of the fuse wire
const ON = 0x31; // '1'
const OFF = 0x30; // '0'
// Electron 45's defaults, in wire order; the 9th fuse (WasmTrapHandlers) is one @electron/fuses 1.8 does not know.
const ELECTRON_DEFAULTS = [ON, OFF, ON, ON, OFF, OFF, OFF, ON, ON];
// RunAsNode, CookieEncryption, NODE_OPTIONS, --inspect, asar integrity, asar only, V8 snapshot, file: privileges.
const EXPECTED_WIRE = [OFF, ON, OFF, OFF, ON, ON, OFF, OFF, ON];

const fakeBinary = () =>
  Buffer.concat([Buffer.from('\x7fELF fake electron '), Buffer.from(SENTINEL), Buffer.from([1, ELECTRON_DEFAULTS.length, ...ELECTRON_DEFAULTS]), Buffer.from(' rest of binary')]);

async function wireOf(file: string): Promise<number[]> {
  const data = await readFile(file);
  const at = data.indexOf(SENTINEL) + SENTINEL.length;
  return [...data.subarray(at + 2, at + 2 + data[at + 1]!)];
}

let appOutDir: string;
beforeEach(async () => {
  appOutDir = await mkdtemp(join(tmpdir(), 'gatekey-packed-'));
});
afterEach(() => rm(appOutDir, { recursive: true, force: true }));

const context = (electronPlatformName: string, arch: Arch = Arch.x64) => ({
  appOutDir,
  electronPlatformName,
  arch,
  packager: { appInfo: { productFilename: 'Gatekey' }, executableName: electronPlatformName === 'linux' ? 'gatekey' : undefined },
});

async function packedApp(relativeBinary: string): Promise<string> {
  const file = join(appOutDir, relativeBinary);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, fakeBinary());
  return file;
}

describe('afterPack: fuses', () => {
  it('requests exactly these fuse values', () => {
    // Keys are @electron/fuses' FuseV1Options indexes.
    expect(FUSES).toEqual({
      0: false, // RunAsNode
      1: true, // EnableCookieEncryption
      2: false, // EnableNodeOptionsEnvironmentVariable
      3: false, // EnableNodeCliInspectArguments
      4: true, // EnableEmbeddedAsarIntegrityValidation
      5: true, // OnlyLoadAppFromAsar
      6: false, // LoadBrowserProcessSpecificV8Snapshot
      7: false, // GrantFileProtocolExtraPrivileges: off, the renderer comes from app:// (electron/main/app-protocol.ts)
    });
  });

  it.each([
    ['linux', 'gatekey'],
    ['win32', 'Gatekey.exe'],
    ['darwin', 'Gatekey.app/Contents/Frameworks/Electron Framework.framework/Electron Framework'],
  ])('flips the fuses in the packed %s binary (%s)', async (platform, binary) => {
    const file = await packedApp(binary);
    await afterPack(context(platform));
    expect(await wireOf(file)).toEqual(EXPECTED_WIRE);
    // Only the wire changed.
    const before = fakeBinary();
    const after = await readFile(file);
    expect(after.length).toBe(before.length);
    expect([...after].filter((byte, i) => byte !== before[i]).length).toBe(EXPECTED_WIRE.filter((v, i) => v !== ELECTRON_DEFAULTS[i]).length);
  });

  it('re-signs ad hoc on Apple silicon only (flipping breaks the signature arm64 requires)', async () => {
    const flip = vi.fn(async (_binary: string, _config: Record<string, unknown>) => 1);
    await afterPack(context('darwin', Arch.arm64), { flip });
    await afterPack(context('darwin', Arch.x64), { flip });
    await afterPack(context('linux', Arch.arm64), { flip });
    expect(flip.mock.calls.map(([binary, config]) => [binary, config.resetAdHocDarwinSignature])).toEqual([
      [join(appOutDir, 'Gatekey.app'), true],
      [join(appOutDir, 'Gatekey.app'), false],
      [join(appOutDir, 'gatekey'), false],
    ]);
    for (const [, config] of flip.mock.calls) expect(config).toMatchObject({ version: '1', ...FUSES });
  });

  it('fails the build when the packed binary is missing', async () => {
    await expect(afterPack(context('linux'))).rejects.toThrow();
  });
});
