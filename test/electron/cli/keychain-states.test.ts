import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import keytar from 'keytar';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, type BuiltCli } from '../../support/built-cli';
import { startPrivateBus, type PrivateKeyring } from '../../support/private-keyring';
import { startTestBackend, type TestBackend } from '../../support/test-backend';

// The built `gatekey` process against keychains in the states real desktops
// reach: each test gets a D-Bus session bus of its own (no service activation)
// and, where it needs one, its own gnome-keyring-daemon, so locking or stopping
// it touches no other test's keychain. The store is the real backend's.
let cli: BuiltCli;
let backend: TestBackend;
let key: { id: string; name: string };
let secret: string;
let bus: PrivateKeyring | undefined;

beforeAll(async () => {
  cli = await buildCli();
  backend = await startTestBackend();
  const created = await backend.api.accessKeys.create({ name: 'states', description: '' });
  if (!created.ok) throw new Error(created.error.message);
  key = created.data;
  secret = (await keytar.getPassword(backend.service, key.id))!;
}, 120_000);
afterAll(async () => {
  await backend.cleanup();
  await cli.remove();
});
afterEach(async () => {
  await bus?.close();
  bus = undefined;
});

const sign = (env: NodeJS.ProcessEnv) =>
  cli.run(['sign', '--key', 'states', '--region', 'cn-north-1', '--service', 'svc', 'http://127.0.0.1:9/'], { ...env, GATEKEY_DATA_DIR: backend.dataDir, GATEKEY_KEYCHAIN_SERVICE: backend.service });

/** Puts the key's secret into the private keyring, from a process of its own on that bus (libsecret keeps one bus per process). */
async function storeSecretOn(privateBus: PrivateKeyring): Promise<void> {
  const keytarPath = createRequire(import.meta.url).resolve('keytar');
  const script = `let s='';process.stdin.on('data',(c)=>s+=c).on('end',()=>require(${JSON.stringify(keytarPath)}).setPassword(process.argv[1],process.argv[2],s).then(()=>process.exit(0),(e)=>{console.error(e.message);process.exit(1)}))`;
  const child = promisify(execFile)(process.execPath, ['-e', script, backend.service, key.id], { env: privateBus.env, timeout: 30_000 });
  child.child.stdin!.end(secret);
  await child;
}

describe('gatekey sign when the keychain cannot be read', () => {
  it('exits 4 at once when no Secret Service is on the bus', async () => {
    bus = await startPrivateBus();
    const result = await sign(bus.env);
    expect(result).toMatchObject({ code: 4, stdout: '', stderr: expect.stringMatching(/^gatekey: No Secret Service/) });
    expect(result.ms).toBeLessThan(20_000);
  }, 60_000);

  it('exits 4 when the keyring daemon has been stopped', async () => {
    bus = await startPrivateBus();
    await bus.startKeyring();
    await storeSecretOn(bus);
    await bus.stopDaemon();
    const result = await sign(bus.env);
    expect(result).toMatchObject({ code: 4, stdout: '', stderr: expect.stringMatching(/^gatekey: .*Secret Service/) });
    expect(result.ms).toBeLessThan(20_000);
  }, 90_000);

  // A paused daemon (SIGSTOP) owns its bus name and never answers. The 10 s
  // keychain timeout answers for it; the process then ends, although libsecret's
  // own D-Bus calls (25 s each) are still waiting. It used to linger about 50 s.
  it('exits 4 within the 10 s keychain timeout, and ends then, when the daemon does not answer', async () => {
    bus = await startPrivateBus();
    await bus.startKeyring();
    await storeSecretOn(bus);
    bus.pause();
    const result = await sign(bus.env);
    expect(result).toMatchObject({ code: 4, stdout: '', stderr: expect.stringMatching(/did not answer/) });
    expect(result.ms).toBeGreaterThanOrEqual(9_000);
    expect(result.ms).toBeLessThan(20_000);
  }, 120_000);

  it('signs once the keychain answers (the same private set-up, unlocked)', async () => {
    bus = await startPrivateBus();
    await bus.startKeyring();
    await storeSecretOn(bus);
    const result = await sign(bus.env);
    expect(result).toMatchObject({ code: 0, stderr: '', stdout: expect.stringMatching(/^x-jdcloud-date: /) });
  }, 90_000);

  it('exits 6 when the keychain is locked, not 7 "missing"', async () => {
    bus = await startPrivateBus();
    await bus.startKeyring();
    await storeSecretOn(bus);
    await bus.lock();
    const result = await sign(bus.env);
    expect(result).toMatchObject({ code: 6, stdout: '', stderr: expect.stringMatching(/locked/i) });
    expect(result.stderr).not.toMatch(/not in the OS keychain/);
    expect(result.ms).toBeLessThan(20_000);
  }, 90_000);
});
