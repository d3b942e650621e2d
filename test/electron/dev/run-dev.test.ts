import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { appendFile, chmod, cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/*
 * `npm run dev` (electron/dev/run-dev.mjs) for real: vite's watch builds, the
 * rebuilds on a save and the restarts. It runs in a copy of the sources, so the
 * saves that trigger rebuilds never touch the working tree, and builds into a
 * temp folder. Only the Electron binary is a stand-in (it cannot run here): the
 * runner finds it through ELECTRON_OVERRIDE_DIST_PATH, Electron's own variable,
 * and it records each start and stop.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const SOURCES = ['electron', 'renderer', 'resources', 'package.json', 'tsconfig.json'];

const STAND_IN_ELECTRON = `#!/usr/bin/env node
const { appendFileSync } = require('node:fs');
const record = (event) => appendFileSync(process.env.STAND_IN_LOG, JSON.stringify({ event, pid: process.pid, args: process.argv.slice(2) }) + '\\n');
record('start');
process.on('SIGTERM', () => { record('stop'); process.exit(0); });
setInterval(() => {}, 60_000);
`;

interface AppEvent {
  event: 'start' | 'stop';
  pid: number;
  args: string[];
}

let work: string;
let project: string;
let out: string;
let standInDir: string;
let standInLog: string;
let runner: ChildProcess | undefined;
let output = '';

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'gatekey-dev-'));
  project = join(work, 'project');
  out = join(work, 'out');
  for (const entry of SOURCES) await cp(join(root, entry), join(project, entry), { recursive: true });
  await symlink(join(root, 'node_modules'), join(project, 'node_modules'));
  standInDir = join(work, 'electron-dist');
  standInLog = join(work, 'electron.log');
  await mkdir(standInDir);
  output = '';
});

afterEach(async () => {
  if (runner && runner.exitCode === null && runner.signalCode === null) {
    const exited = once(runner, 'exit');
    runner.kill('SIGTERM');
    await exited;
  }
  runner = undefined;
  // Should the runner have failed to stop a stand-in, stop it here, by its PID.
  for (const { pid } of await appEvents()) if (alive(pid)) process.kill(pid, 'SIGKILL');
  await rm(work, { recursive: true, force: true });
});

function startRunner(): ChildProcess {
  const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: standInDir, STAND_IN_LOG: standInLog };
  // As from a shell: vitest's NODE_ENV=test would give the renderer React's development build.
  delete env.NODE_ENV;
  const child = spawn(process.execPath, [join(project, 'electron/dev/run-dev.mjs'), `--out-dir=${out}`], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk) => (output += String(chunk)));
  child.stderr!.on('data', (chunk) => (output += String(chunk)));
  runner = child;
  return child;
}

async function appEvents(): Promise<AppEvent[]> {
  if (!existsSync(standInLog)) return [];
  const text = await readFile(standInLog, 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as AppEvent);
}
const starts = async () => (await appEvents()).filter((e) => e.event === 'start');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Every module a bundle loads at run time, by require() or import(); comments (JSDoc type imports) do not count. */
const requiresIn = (code: string) => [...code.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/\b(?:require|import)\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((match) => match[1]!);
const bundle = (name: string) => readFile(join(out, 'electron', name), 'utf8');

/** The renderer's entry script, as index.html names it. */
async function rendererScript(): Promise<string> {
  const html = await readFile(join(out, 'renderer', 'index.html'), 'utf8');
  const src = /<script type="module"[^>]*src="\.\/([^"]+)"/.exec(html)?.[1];
  if (!src) throw new Error('index.html names no module script');
  return readFile(join(out, 'renderer', src), 'utf8');
}

async function stopRunner(child: ChildProcess): Promise<number | null> {
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const [code] = (await exited) as [number | null];
  return code;
}

describe.skipIf(process.platform === 'win32')('npm run dev', () => {
  it('builds every bundle into the out folder, starts Electron on them, and rebuilds and restarts it on each save', async () => {
    const standIn = join(standInDir, 'electron');
    await writeFile(standIn, STAND_IN_ELECTRON);
    await chmod(standIn, 0o755);
    const child = startRunner();

    // Electron starts once every bundle has been built.
    await expect.poll(async () => (await starts()).length, { timeout: 60_000 }).toBe(1);
    const [first] = await starts();
    expect(first!.args).toEqual([join(out, 'electron', 'main.cjs')]);

    // What Electron loads: main bundled whole (no local files beside it but its siblings), the
    // sandboxed preload needing nothing but electron, the keychain helper, the renderer's page.
    for (const id of requiresIn(await bundle('main.cjs'))) expect(['electron', 'keytar'].includes(id) || isBuiltin(id), id).toBe(true);
    expect(requiresIn(await bundle('preload.cjs'))).toEqual(['electron']);
    for (const id of requiresIn(await bundle('keychain-worker.cjs'))) expect(id === 'keytar' || isBuiltin(id), id).toBe(true);
    expect(await rendererScript()).toMatch(/createRoot/);

    // Each save rebuilds what it touches and restarts the app.
    const restartAfter = async (save: () => Promise<void>) => {
      const before = (await starts()).length;
      await save();
      await expect.poll(async () => (await starts()).length).toBeGreaterThan(before);
    };
    // The preload's sources.
    await restartAfter(() => appendFile(join(project, 'electron/preload/index.ts'), "\nexport const devWatchProbe = 'preload-probe-1';\n"));
    expect(await bundle('preload.cjs')).toContain('preload-probe-1');
    // The renderer's.
    await restartAfter(() => appendFile(join(project, 'renderer/src/main.tsx'), "\nconsole.info('renderer-probe-2');\n"));
    expect(await rendererScript()).toContain('renderer-probe-2');
    // A file only the config reads (here the config itself): the electron bundles start over.
    await restartAfter(() => appendFile(join(project, 'electron/vite.config.ts'), '\n// saved again\n'));

    // Stopping the runner stops the app. Never were two apps running: each start followed the previous one's stop.
    expect(await stopRunner(child)).toBe(0);
    const events = await appEvents();
    expect(events.map((e) => e.event)).toEqual(events.flatMap(() => ['start', 'stop']).slice(0, events.length));
    for (let i = 0; i < events.length; i += 2) expect(events[i + 1]?.pid).toBe(events[i]!.pid);
    for (const { pid } of events) expect(alive(pid)).toBe(false);
    expect(output).not.toMatch(/did not build/);
  }, 180_000);

  it('without an Electron binary says so once and keeps rebuilding', async () => {
    const child = startRunner(); // ELECTRON_OVERRIDE_DIST_PATH names an empty folder

    await expect.poll(() => output, { timeout: 60_000 }).toMatch(/no Electron binary here/);
    expect(existsSync(join(out, 'electron', 'main.cjs'))).toBe(true);
    expect(existsSync(join(out, 'renderer', 'index.html'))).toBe(true);

    await appendFile(join(project, 'electron/preload/index.ts'), "\nexport const devWatchProbe = 'preload-probe-3';\n");
    await expect.poll(() => bundle('preload.cjs')).toContain('preload-probe-3');
    await expect.poll(() => output).toMatch(/rebuilt preload/);
    expect(output.match(/no Electron binary here/g)).toHaveLength(1);

    expect(await stopRunner(child)).toBe(0);
    expect(await appEvents()).toEqual([]);
  }, 120_000);
});
