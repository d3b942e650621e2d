import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const outDir = fileURLToPath(new URL('../../.bench/children/', import.meta.url));
// keytar is a native module resolved from node_modules, as main's and the CLI's bundles leave it.
const external = ['keytar', ...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/**
 * Bundles a bench child (a file in this folder) into one CommonJS file under test/.bench/
 * (git-ignored), the way electron/vite.config.ts bundles main: a fresh `node` runs it with no
 * test runner and no TypeScript loader in the process being measured. Resolves with its path.
 */
export async function buildChild(name: string): Promise<string> {
  const fileName = `${name}.cjs`;
  await build({
    configFile: false,
    root,
    publicDir: false,
    logLevel: 'warn',
    ssr: { target: 'node', noExternal: true, external },
    build: {
      ssr: fileURLToPath(new URL(`./${name}.ts`, import.meta.url)),
      outDir,
      emptyOutDir: false,
      target: 'node22',
      minify: false,
      reportCompressedSize: false,
      rolldownOptions: { external, output: { format: 'cjs', entryFileNames: fileName, codeSplitting: false } },
    },
  });
  return join(outDir, fileName);
}
