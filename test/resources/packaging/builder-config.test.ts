import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

// electron-builder.yml, checked without packaging (its downloads are unreachable here).
const root = fileURLToPath(new URL('../../../', import.meta.url));
const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** electron-builder's own JSON schema, from its npm package: what `electron-builder` validates the file with. */
function builderSchemaValidator() {
  const schema = JSON.parse(readFileSync(join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8'));
  // Stricter than electron-builder's own check (no type coercion, strict schema); `typeof` is its custom keyword for hook functions.
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  ajv.addKeyword({ keyword: 'typeof', validate: (type: string, data: unknown) => typeof data === type });
  return ajv.compile(schema);
}

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's schema", () => {
    const validate = builderSchemaValidator();
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
    // The check has teeth: a misspelt option fails.
    expect(validate({ ...config, nsis: { ...config.nsis, perMachin: false } })).toBe(false);
  });

  it('packs the app into asar, with keytar (and its .node file) unpacked', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['**/node_modules/keytar/**']);
    expect(config.files).toEqual(['dist/**/*', '!dist/cli/**', '!dist/cli-test-*/**', 'package.json', 'resources/icons/512x512.png']);
  });

  it('never rebuilds native modules (that would download Electron headers)', () => {
    expect(config).toMatchObject({ npmRebuild: false, nodeGypRebuild: false, buildDependenciesFromSource: false });
  });

  it('flips the fuses in an afterPack hook', async () => {
    expect(config.afterPack).toBe('./resources/packaging/after-pack.mjs');
    const hook = await import(join(root, config.afterPack));
    expect(hook.default).toBeTypeOf('function');
    // electron-builder's built-in fuse step stays off: one place decides the fuses.
    expect(config.electronFuses).toBeUndefined();
  });

  it('turns off every fuse that lets other code or other local files in, file: privileges included', async () => {
    const { FUSES } = await import(join(root, config.afterPack));
    const { FuseV1Options } = (await import('@electron/fuses')).default;
    expect(FUSES).toMatchObject({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      // The renderer is served from app:// (electron/main/app-protocol.ts), so file: needs no extra privileges.
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  it('builds AppImage and a deb that depends on libsecret', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.deb.depends).toContain('libsecret-1-0');
  });

  it('builds a hardened-runtime dmg for arm64 and x64, notarised only when the environment has credentials', () => {
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['arm64', 'x64'] }]);
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: true });
    // No credentials in the file: signing and notarisation read them from the environment.
    expect(JSON.stringify(config)).not.toMatch(/APPLE_|CSC_|password|identity/i);
    for (const key of ['entitlements', 'entitlementsInherit']) {
      const plist = readFileSync(join(root, config.mac[key]), 'utf8');
      expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])).toEqual(['com.apple.security.cs.allow-jit']);
    }
  });

  it('builds a per-user nsis installer that lets the user choose the folder and never elevates', () => {
    expect(config.win.target).toBe('nsis');
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: false, allowToChangeInstallationDirectory: true });
  });

  it('uses icons that exist', () => {
    for (const file of [config.mac.icon, config.win.icon, join(config.linux.icon, '512x512.png'), 'resources/icons/512x512.png']) {
      expect(existsSync(join(root, file)), file).toBe(true);
    }
  });
});
