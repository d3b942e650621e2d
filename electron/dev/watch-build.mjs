import { watch } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { build } from 'vite';

/**
 * One bundle rebuilt on every change to its sources: `vite build --watch`
 * with the project's own config and mode, into `outDir`.
 *
 * A config can read source files itself (the preload's channel table is
 * computed from the IPC contract when electron/vite.config.ts loads). Those
 * files are not in the bundle's module graph, so vite's watcher would miss
 * them: a change to any file the config loaded starts this watcher over, with
 * the config read afresh.
 *
 * `onBuilt(ms)` follows each build that wrote its files, `onFailed(error)`
 * each one that did not (vite has printed the error by then).
 */
// The default (bundle) config loader records the files the config reads (the IPC contract behind
// the preload's channel table), which this loop watches; its warning about the future native
// loader, which would not read the contract's extensionless imports, would repeat on every load.
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';

export async function watchBuild({ configFile, mode, outDir, onBuilt, onFailed }) {
  // What the config loaded last time it loaded; just the config file until then.
  let dependencies = [resolve(configFile)];
  const recordDependencies = { name: 'gatekey-dev-config-dependencies', configResolved: (config) => void (dependencies = config.configFileDependencies) };
  const inline = { configFile, mode, logLevel: 'warn', plugins: [recordDependencies], build: { outDir, watch: {} } };
  let bundleWatcher;
  const configWatchers = [];
  let restartTimer;
  let closed = false;

  const closeCurrent = async () => {
    for (const watcher of configWatchers.splice(0)) watcher.close();
    await bundleWatcher?.close();
    bundleWatcher = undefined;
  };

  const start = async () => {
    try {
      bundleWatcher = await build(inline);
    } catch (error) {
      onFailed(error); // a config that does not load: wait for the next save
      return;
    } finally {
      watchConfig();
    }
    let started = performance.now();
    let failed = false;
    bundleWatcher.on('event', (event) => {
      if (event.code === 'START') {
        started = performance.now();
        failed = false;
      } else if (event.code === 'ERROR') {
        failed = true;
        onFailed(event.error);
      } else if (event.code === 'END' && !failed) {
        onBuilt(Math.round(performance.now() - started));
      }
    });
  };

  // Folders, not files: editors save by writing a new file and renaming it over the old one.
  const watchConfig = () => {
    const files = new Set(dependencies.map((file) => resolve(file)));
    for (const folder of new Set([...files].map((file) => dirname(file)))) {
      configWatchers.push(
        watch(folder, (_event, name) => {
          if (name && files.has(join(folder, String(name)))) scheduleRestart();
        }),
      );
    }
  };

  const scheduleRestart = () => {
    clearTimeout(restartTimer);
    // One restart for a burst of saves (a formatter touching several files).
    restartTimer = setTimeout(() => {
      if (closed) return;
      void closeCurrent()
        .then(() => (closed ? undefined : start()))
        .catch(onFailed);
    }, 200);
  };

  await start();
  return {
    async close() {
      closed = true;
      clearTimeout(restartTimer);
      await closeCurrent();
    },
  };
}
