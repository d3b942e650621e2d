import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
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
  for (const mode of ['main', 'preload']) {
    await build({ configFile, mode, logLevel: 'silent', build: { outDir } });
  }
}, 60_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
  await rm(userData, { recursive: true, force: true });
});

describe('main.cjs', () => {
  it('bundles lowdb and zod and requires only electron, keytar and Node builtins', () => {
    const required = new Set(requiresIn(readFileSync(join(outDir, 'main.cjs'), 'utf8')));
    expect(required).toContain('electron');
    for (const id of required) expect(['electron', 'keytar'].includes(id) || id.startsWith('node:'), id).toBe(true);
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
    expect(window.loadFile).toHaveBeenCalledExactlyOnceWith(join(outDir, '..', 'renderer', 'index.html'));
    expect([...fake.handles.keys()].sort()).toEqual(methods.map(channelOf).sort());
  });
});

describe('preload.cjs', () => {
  it('is one file that requires nothing but electron (no zod, no contract)', () => {
    const code = readFileSync(join(outDir, 'preload.cjs'), 'utf8');
    expect(requiresIn(code)).toEqual(['electron']);
    expect(code).not.toMatch(/zod|strictObject/);
  });

  it('exposes the full api when run with only electron to require', () => {
    const exposeInMainWorld = vi.fn();
    const invoke = vi.fn();
    runBundle(join(outDir, 'preload.cjs'), { contextBridge: { exposeInMainWorld }, ipcRenderer: { invoke } }, () => false);
    expect(exposeInMainWorld).toHaveBeenCalledOnce();
    const [key, api] = exposeInMainWorld.mock.calls[0]! as [string, Record<string, (input: unknown) => unknown>];
    expect(key).toBe('api');
    expect(Object.keys(api).sort()).toEqual([...methods].sort());
    api.getAccessKey!({ id: 'k' });
    expect(invoke).toHaveBeenCalledWith(channelOf('getAccessKey'), { id: 'k' });
  });
});
