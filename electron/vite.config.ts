import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';

/*
 * Builds the two Electron bundles, one per mode:
 *   vite build --config electron/vite.config.ts --mode main     -> dist/electron/main.cjs
 *   vite build --config electron/vite.config.ts --mode preload  -> dist/electron/preload.cjs
 * Both are single CommonJS files (package.json is "type": "module", hence .cjs).
 */

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/electron', import.meta.url));

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

function bundle(entry: string, fileName: string, external: string[]): UserConfig {
  return {
    root,
    publicDir: false,
    // A Node-style (server) build: Node resolution, builtins left to require().
    ssr: { target: 'node', noExternal: true, external },
    build: {
      ssr: fileURLToPath(new URL(entry, import.meta.url)),
      outDir,
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
          // One self-contained file: the sandboxed preload cannot load chunks.
          codeSplitting: false,
        },
      },
    },
  };
}

export default defineConfig(({ mode }) => {
  if (mode === 'main') return bundle('./main/index.ts', 'main.cjs', mainExternal);
  if (mode === 'preload') return bundle('./preload/index.ts', 'preload.cjs', preloadExternal);
  throw new Error(`electron/vite.config.ts: unknown mode "${mode}"; use --mode main or --mode preload.`);
});
