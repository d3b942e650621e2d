import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';
import { bridgeTable } from './ipc/bridge-table';

/*
 * Builds the two Electron bundles, one per mode:
 *   vite build --config electron/vite.config.ts --mode main     -> dist/electron/main.cjs
 *   vite build --config electron/vite.config.ts --mode preload  -> dist/electron/preload.cjs
 *   vite build --config electron/vite.config.ts --mode keychain-worker -> dist/electron/keychain-worker.cjs (keytar's helper process)
 * Both are single CommonJS files (package.json is "type": "module", hence .cjs).
 */

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/electron', import.meta.url));

const packageVersion = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/**
 * Main bundles everything it imports (lowdb is ESM-only, so it cannot be
 * required; zod etc. go in too) except Electron itself, keytar (a native
 * module, shipped in node_modules and unpacked from asar) and Node builtins.
 */
const mainExternal = ['electron', 'keytar', ...nodeBuiltins];

/**
 * The preload runs in a sandboxed renderer, where `require` knows 'electron'
 * and little else: everything else must be inside the one file.
 */
const preloadExternal = ['electron'];

interface BundleExtras {
  outDir?: string;
  banner?: string;
  define?: Record<string, string>;
}

function bundle(entry: string, fileName: string, external: string[], extras: BundleExtras = {}): UserConfig {
  return {
    define: extras.define,
    root,
    publicDir: false,
    // A Node-style (server) build: Node resolution, builtins left to require().
    ssr: { target: 'node', noExternal: true, external },
    build: {
      ssr: fileURLToPath(new URL(entry, import.meta.url)),
      outDir: extras.outDir ?? outDir,
      // Both builds share dist/electron: neither may wipe the other's file.
      emptyOutDir: false,
      copyPublicDir: false,
      target: 'node22', // Electron 45
      minify: false,
      sourcemap: false,
      reportCompressedSize: false,
      rolldownOptions: {
        external,
        output: {
          format: 'cjs',
          entryFileNames: fileName,
          banner: extras.banner,
          // One self-contained file: the sandboxed preload cannot load chunks.
          codeSplitting: false,
        },
      },
    },
  };
}

export default defineConfig(({ mode }) => {
  if (mode === 'main') return bundle('./main/index.ts', 'main.cjs', mainExternal);
  // The contract's channel table goes in as a constant: the preload gets every channel without bundling zod.
  if (mode === 'preload') return bundle('./preload/index.ts', 'preload.cjs', preloadExternal, { define: { __GATEKEY_BRIDGE__: JSON.stringify(bridgeTable) } });
  // The keytar helper process (storage/keychain/worker-main.mjs), for main and the CLI alike.
  if (mode === 'keychain-worker') return bundle('./storage/keychain/worker-main.mjs', 'keychain-worker.cjs', mainExternal);
  // The `gatekey` command line: plain Node, sharing core and storage with main.
  if (mode === 'cli') {
    return bundle('./cli/gatekey.ts', 'gatekey.cjs', mainExternal, {
      outDir: fileURLToPath(new URL('../dist/cli', import.meta.url)),
      banner: '#!/usr/bin/env node',
      define: { __GATEKEY_VERSION__: JSON.stringify(packageVersion) },
    });
  }
  throw new Error(`electron/vite.config.ts: unknown mode "${mode}"; use --mode main, preload, keychain-worker or cli.`);
});
