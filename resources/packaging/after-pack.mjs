// @ts-check
/*
 * electron-builder's afterPack hook (electron-builder.yml): flips Electron's
 * fuses in the packed app's binary. It runs before signing, as it must: flipping
 * changes the binary, so a signature made earlier would no longer match.
 */
import { join } from 'node:path';
import electronFuses from '@electron/fuses';

const { flipFuses, FuseV1Options, FuseVersion } = electronFuses;

/** builder-util's Arch.arm64 (test/resources/packaging/after-pack.test.ts checks they agree). */
const ARCH_ARM64 = 3;

/** Every fuse @electron/fuses knows, each decided. Gatekey holds secrets: turn off every way to run other code in it. */
export const FUSES = {
  // The binary cannot be started as plain Node (ELECTRON_RUN_AS_NODE): no running arbitrary scripts with the app's identity.
  [FuseV1Options.RunAsNode]: false,
  // Cookies and other Chromium storage on disk are encrypted with a key from the OS keychain.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS is ignored: no --require of foreign code through the environment.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and friends are ignored: no debugger attached to main to read secrets.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar is checked against the hash electron-builder embeds (macOS Info.plist, Windows resource).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only app.asar is loaded, never a loose app/ folder someone drops beside it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // Electron's default: the browser process uses the shared V8 snapshot (we ship no other).
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // file:// pages get no more than a browser gives them. Nothing of Gatekey is loaded from file://:
  // the renderer is served from app://gatekey/ by protocol.handle (electron/main/app-protocol.ts),
  // which reads only the renderer folder inside app.asar.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/**
 * @typedef {{
 *   appOutDir: string;
 *   electronPlatformName: string;
 *   arch: number;
 *   packager: { appInfo: { productFilename: string }; executableName?: string };
 * }} PackContext The parts of electron-builder's AfterPackContext used here.
 */

/** The packed Electron binary (or .app bundle), found the way electron-builder's own fuse step finds it. */
export function electronBinary(/** @type {PackContext} */ context) {
  const { appOutDir, electronPlatformName, packager } = context;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'win32':
      return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    case 'linux':
      return join(appOutDir, packager.executableName ?? packager.appInfo.productFilename);
    default:
      throw new Error(`after-pack: unknown platform "${electronPlatformName}"`);
  }
}

/** The full request handed to @electron/fuses for this build. */
export function fuseConfig(/** @type {PackContext} */ context) {
  return {
    version: FuseVersion.V1,
    ...FUSES,
    // Flipping breaks the ad-hoc signature Apple silicon requires; re-sign ad hoc (the real signing comes after).
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === ARCH_ARM64,
  };
}

/**
 * @param {PackContext} context
 * @param {{ flip?: (binary: string, config: ReturnType<typeof fuseConfig>) => Promise<unknown> }} [options] tests replace `flip`
 */
export default async function afterPack(context, { flip = flipFuses } = {}) {
  await flip(electronBinary(context), fuseConfig(context));
}
