#!/usr/bin/env node
// `npm run dev`: rebuilds main, preload, the keychain helper and the renderer
// on every change (vite build --watch with the same configs as `npm run
// build`) and restarts Electron after each rebuild. Where the Electron binary
// is not installed it says so once and keeps rebuilding.
//   --out-dir=<dir>  write <dir>/electron and <dir>/renderer instead of dist/
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronApp, findElectron } from './electron-app.mjs';
import { watchBuild } from './watch-build.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const electronConfig = join(root, 'electron/vite.config.ts');
const rendererConfig = join(root, 'renderer/vite.config.ts');
const outOption = process.argv.slice(2).find((arg) => arg.startsWith('--out-dir='));
const outDir = outOption ? resolve(outOption.slice('--out-dir='.length)) : join(root, 'dist');
const inDist = !outOption;

const log = (message) => console.log(`dev: ${message}`);

// main.cjs finds preload.cjs and keychain-worker.cjs beside it, and the renderer in ../renderer.
const bundles = [
  { name: 'main', configFile: electronConfig, mode: 'main', outDir: join(outDir, 'electron') },
  { name: 'preload', configFile: electronConfig, mode: 'preload', outDir: join(outDir, 'electron') },
  { name: 'keychain-worker', configFile: electronConfig, mode: 'keychain-worker', outDir: join(outDir, 'electron') },
  { name: 'renderer', configFile: rendererConfig, mode: 'production', outDir: join(outDir, 'renderer') },
];

const binary = findElectron(root);
const app = binary
  ? electronApp({
      binary,
      // From dist/ Electron starts the project as `electron .` does (package.json's main, its name
      // and data folder); from elsewhere it runs main.cjs, whose keytar still comes from this project.
      args: inDist ? [root] : [join(outDir, 'electron', 'main.cjs')],
      env: inDist ? process.env : { ...process.env, NODE_PATH: join(root, 'node_modules') },
      log,
    })
  : null;

const built = new Set();
let restartTimer;
let appStarted = false;
const watchers = [];

function onBuilt(name, ms) {
  const first = !built.has(name);
  built.add(name);
  log(`${first ? 'built' : 'rebuilt'} ${name} in ${ms} ms`);
  if (built.size < bundles.length) return;
  if (!app) {
    if (first) log('no Electron binary here (installed with ELECTRON_SKIP_BINARY_DOWNLOAD?): rebuilding on change only');
    return;
  }
  clearTimeout(restartTimer);
  // Bundles that share a changed file rebuild together: one restart for all of them.
  restartTimer = setTimeout(() => {
    log(appStarted ? 'restarting Electron' : 'starting Electron');
    appStarted = true;
    void app.restart();
  }, 300);
}

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  clearTimeout(restartTimer);
  await app?.stop();
  await Promise.all(watchers.map((watcher) => watcher.close()));
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

log(`watching; builds go to ${outDir}`);
for (const bundle of bundles) {
  watchers.push(
    await watchBuild({
      ...bundle,
      onBuilt: (ms) => onBuilt(bundle.name, ms),
      onFailed: (error) => log(`${bundle.name} did not build (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); waiting for the next save`),
    }),
  );
}
