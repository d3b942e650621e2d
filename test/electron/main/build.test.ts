import { fork } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { createRequire, isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInThisContext } from 'node:vm';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channelOf, methods } from '../../../electron/ipc/contract';
import { createFakeElectron, FakeBrowserWindow } from './fake-electron';

/*
 * Builds the real bundles (electron/vite.config.ts) into a temp folder and runs
 * them as Electron would, with a fake 'electron' handed to their require: the
 * Electron binary cannot be installed here. This checks what unit tests of the
 * sources cannot: bundling (lowdb is ESM-only), externals, and __dirname paths.
 */

const configFile = fileURLToPath(new URL('../../../electron/vite.config.ts', import.meta.url));
let outDir: string;
let userData: string;

/** Every module a bundle loads at run time, by require() or import(). */
const requiresIn = (code: string) => [...code.matchAll(/\b(?:require|import)\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((match) => match[1]!);

/** Runs a CommonJS bundle the way Node/Electron wraps it, with 'electron' replaced. */
function runBundle(file: string, electron: unknown, allow: (id: string) => boolean = () => true): void {
  const realRequire = createRequire(file);
  const fakeRequire = (id: string) => {
    if (id === 'electron') return electron;
    if (!allow(id)) throw new Error(`Cannot find module '${id}'`);
    return realRequire(id);
  };
  const module = { exports: {} };
  const wrapper = runInThisContext(`(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`, { filename: file });
  wrapper(module.exports, fakeRequire, module, file, dirname(file));
}

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'gatekey-build-'));
  userData = await mkdtemp(join(tmpdir(), 'gatekey-build-data-'));
  for (const mode of ['main', 'preload', 'keychain-worker']) {
    await build({ configFile, mode, logLevel: 'silent', build: { outDir } });
  }
}, 60_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
  await rm(userData, { recursive: true, force: true });
});

describe('main.cjs', () => {
  it('bundles lowdb, zod and the D-Bus client and requires only electron, keytar and Node builtins', () => {
    const required = new Set(requiresIn(readFileSync(join(outDir, 'main.cjs'), 'utf8')));
    expect(required).toContain('electron');
    for (const id of required) expect(['electron', 'keytar'].includes(id) || isBuiltin(id), id).toBe(true);
  });

  it('starts: opens the window on the files beside it and answers IPC', async () => {
    const fake = createFakeElectron({ userData });
    FakeBrowserWindow.all = [];
    runBundle(join(outDir, 'main.cjs'), fake);
    await vi.waitFor(() => expect(FakeBrowserWindow.all).toHaveLength(1));
    const window = FakeBrowserWindow.all[0]!;
    const preload = (window.options.webPreferences as { preload: string }).preload;
    expect(preload).toBe(join(outDir, 'preload.cjs'));
    expect(existsSync(preload)).toBe(true);
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith('app://gatekey/index.html');
    // app:// serves the renderer folder beside the bundle (dist/renderer/), nothing above it.
    const serve = fake.protocolHandlers.get('app')!;
    expect((await serve(new Request('app://gatekey/%2e%2e%2felectron%2fmain.cjs'))).status).toBe(404);
    expect([...fake.handles.keys()].sort()).toEqual(methods.map(channelOf).sort());
  });
});

describe('preload.cjs', () => {
  it('is one file that requires nothing but electron (no zod, no contract)', () => {
    const code = readFileSync(join(outDir, 'preload.cjs'), 'utf8');
    expect(requiresIn(code)).toEqual(['electron']);
    expect(code).not.toMatch(/zod|strictObject/);
  });
  // What it exposes when run: test/electron/preload/index.test.ts.
});

describe('keychain-worker.cjs', () => {
  it('is the keytar helper beside main.cjs, requiring only keytar and Node builtins', async () => {
    const file = join(outDir, 'keychain-worker.cjs');
    // JSDoc type imports stay in the bundle's comments; only code counts.
    const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    for (const id of requiresIn(code)) expect(id === 'keytar' || isBuiltin(id), id).toBe(true);
    // Served as Node forks it (the CLI's way); a missing entry is answered, not crashed on. In the
    // app the bundle sits inside the install, so keytar resolves from the node_modules above it.
    await symlink(fileURLToPath(new URL('../../../node_modules', import.meta.url)), join(outDir, 'node_modules'));
    const child = fork(file, [], { execArgv: [], stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    const reply = new Promise((resolve) => child.once('message', resolve));
    child.send({ id: 7, op: 'get', service: `gatekey-build-test-${process.pid}`, account: 'nobody' });
    expect(await reply).toEqual({ id: 7, ok: true, value: null });
    child.kill();
  });
});
