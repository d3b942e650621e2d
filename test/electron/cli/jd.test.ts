import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import keytar from 'keytar';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MetadataStore } from '../../../electron/storage/metadata-store';
import { buildCli, type BuiltCli } from '../../support/built-cli';
import { startEmulator, type JdcloudEmulator } from '../../support/jdcloud-emulator';
import { testKeychainService } from '../../support/test-backend';
import { runGatekey, scratchFolder } from './cli-harness';

// `gatekey jd …` against the local JD Cloud API Gateway emulator over real
// HTTP, with the account from the environment as CI gives it, on a real data
// folder in a temp dir. Retries wait no real time (the io's sleep).
const N1 = 'cn-north-1';
const APIKEY = 'C0FFEE00C0FFEE00C0FFEE00C0FFEE00';
let emulator: JdcloudEmulator;
let scratch: Awaited<ReturnType<typeof scratchFolder>>;
let dataDir: string;

const ci = (over: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  GATEKEY_DATA_DIR: dataDir,
  GATEKEY_KEYCHAIN_SERVICE: `${testKeychainService()}-unused`,
  GATEKEY_JDCLOUD_ACCESS_KEY: emulator.account.accessKey,
  GATEKEY_JDCLOUD_SECRET_KEY: emulator.account.secretKey,
  ...over,
});
const noSleep = { sleep: async () => undefined };
const jd = (argv: string[], env = ci()) => runGatekey(['jd', ...argv, '--endpoint', emulator.endpoint, '--region', N1], env, noSleep);
const local = (argv: string[], env = ci()) => runGatekey(argv, env);

beforeEach(async () => {
  emulator = await startEmulator({ regions: [N1] });
  emulator.addApiGroup(N1, { groupName: 'orders', authType: 'jd_cloud', publish: ['online', 'test'] });
  scratch = await scratchFolder('gatekey-cli-jd-');
  dataDir = join(scratch.path, 'data');
  await mkdir(dataDir);
  await local(['groups', 'add', '--name', 'orders', '--region', N1, '--environment', 'online', '--host', 'orders.cn-north-1.jdcloud-api.net']);
  await local(['auth', 'add', '--api-key', APIKEY, '--description', 'partner']);
  await local(['bind', APIKEY, 'orders']);
});
afterEach(async () => {
  await emulator.close();
  await scratch.remove();
});

describe('gatekey jd pull, plan and apply', () => {
  it('pulls, plans, refuses to apply without --yes, applies, and then plans nothing', async () => {
    const pulled = await jd(['pull']);
    expect(pulled.code, pulled.err).toBe(0);
    expect(pulled.out).toContain('API groups: 1 linked, 1 added, 0 not published.');
    // Pull added the test environment's record of the same name: names alone are ambiguous now.
    expect(await local(['bind', APIKEY, 'orders'])).toMatchObject({ code: 2, err: expect.stringMatching(/Several API groups are named "orders": .*\(cn-north-1, online\), .*\(cn-north-1, test\)\. Name one by NAME:ENV or its ID\./) });

    const planned = await jd(['plan']);
    expect(planned.code, planned.err).toBe(0);
    expect(planned.out).toMatch(new RegExp(`create +${N1} +${APIKEY} +"partner" +\\+ orders:online`));
    expect(planned.out).toContain('1 to create, 0 to describe, 0 to bind, 0 to delete.');
    const json = JSON.parse((await jd(['plan', '--json'])).out);
    expect(json.items).toEqual([expect.objectContaining({ action: 'createAuthorization', apiKey: APIKEY, region: N1 })]);

    const unconfirmed = await jd(['apply']);
    expect(unconfirmed).toMatchObject({ code: 2, err: 'gatekey: Nothing was sent: run again with --yes to apply these 1 item(s).\n' });
    expect(unconfirmed.out).toContain('1 to create');
    expect(emulator.count('createAccessAuth')).toBe(0);

    const applied = await jd(['apply', '--yes']);
    expect(applied.code, applied.err).toBe(0);
    expect(applied.out).toMatch(/^applied +create/m);
    expect(applied.out).toContain('1 applied, 0 already done, 0 failed, 0 not run');
    expect(applied.err).toContain('Applied 1 of 1…');
    const remote = emulator.snapshot(N1).authorizations;
    expect(remote).toEqual([expect.objectContaining({ accessKey: APIKEY, description: 'partner', deploymentIds: [expect.any(String)] })]);

    expect((await jd(['plan'])).out).toContain('Nothing to change: the gateway already matches.');
    expect(await jd(['apply', '--yes'])).toMatchObject({ code: 0, out: expect.stringContaining('Nothing to change') });
    expect(emulator.count('createAccessAuth', { applied: true })).toBe(1);
    // Removing the authorization here deletes it there at the next apply.
    expect((await local(['auth', 'remove', APIKEY])).code).toBe(0);
    const deleted = await jd(['apply', '--yes']);
    expect(deleted.out).toMatch(/^applied +delete +cn-north-1/m);
    expect(emulator.snapshot(N1).authorizations).toEqual([]);
    // The account's SecretKey never reaches the output.
    expect(planned.out + applied.out + applied.err).not.toContain(emulator.account.secretKey);
  });

  it('exits 6 with a per-item report when an item keeps failing, and 0 once it goes through', async () => {
    await jd(['pull']);
    emulator.inject({ operation: 'createAccessAuth', kind: 'status', status: 503, times: 50 });
    const failed = await jd(['apply', '--yes']);
    expect(failed.code).toBe(6);
    expect(failed.out).toMatch(/^failed +create/m);
    expect(failed.out).toContain('0 applied, 0 already done, 1 failed, 0 not run');
    expect(failed.err).toMatch(/The plan was not fully applied: 1 failed, 0 not run\./);
    emulator.clearFaults();
    expect((await jd(['apply', '--yes'])).code).toBe(0);
    expect(emulator.snapshot(N1).authorizations).toHaveLength(1);
  });

  it('Ctrl-C stops between items (exit 6, a consistent report), and the next apply finishes the rest without duplicates', async () => {
    const apiKeys = Array.from({ length: 24 }, (_, n) => `${n.toString(16).toUpperCase().padStart(2, '0')}${'D'.repeat(30)}`);
    for (const apiKey of apiKeys) {
      await local(['auth', 'add', '--api-key', apiKey]);
      await local(['bind', apiKey, 'orders']);
    }
    await jd(['pull']);
    emulator.inject({ operation: 'createAccessAuth', kind: 'delay', ms: 200, times: 1_000 });
    let interrupt: (() => void) | undefined;
    const running = runGatekey(['jd', 'apply', '--yes', '--endpoint', emulator.endpoint, '--region', N1], ci(), { ...noSleep, onInterrupt: (handler) => ((interrupt = handler), () => (interrupt = undefined)) });
    await expect.poll(() => emulator.count('createAccessAuth') > 0 && interrupt !== undefined).toBe(true);
    interrupt!();
    const cancelled = await running;
    expect(cancelled.code).toBe(6);
    expect(cancelled.err).toContain('Cancelling: the items already sent finish, no new ones start.');
    expect(cancelled.out).toMatch(/\(cancelled\)/);
    const applied = Number(/(\d+) applied/.exec(cancelled.out)![1]);
    expect(Number(/(\d+) not run/.exec(cancelled.out)![1])).toBe(25 - applied);
    expect(applied).toBeLessThan(25);
    expect(emulator.snapshot(N1).authorizations).toHaveLength(applied);
    emulator.clearFaults();
    expect((await jd(['apply', '--yes'])).code).toBe(0);
    const keys = emulator.snapshot(N1).authorizations.map((a) => a.accessKey);
    expect(keys.sort()).toEqual([APIKEY, ...apiKeys].sort());
  });

  it('exits 7 when the gateway refuses the credentials, and 2 for a bad endpoint or region', async () => {
    const wrong = await jd(['plan'], ci({ GATEKEY_JDCLOUD_SECRET_KEY: 'not-the-secret' }));
    expect(wrong.code).toBe(7);
    expect(wrong.err).toMatch(/^gatekey: /);
    expect(wrong.err).not.toContain('not-the-secret');
    expect(await runGatekey(['jd', 'plan', '--endpoint', 'http://example.com'], ci())).toMatchObject({ code: 2, err: expect.stringMatching(/^gatekey: --endpoint: The endpoint must use https:\/\//) });
    expect(await runGatekey(['jd', 'plan', '--region', 'North'], ci())).toMatchObject({ code: 2, err: expect.stringMatching(/^gatekey: --region: A region looks like cn-north-1\./) });
    expect((await runGatekey(['jd', 'frob'], ci())).code).toBe(2);
    // No account connected and none in the environment: how it was called, so 2, saying what to do.
    const none = await runGatekey(['jd', 'plan'], ci({ GATEKEY_JDCLOUD_ACCESS_KEY: '', GATEKEY_JDCLOUD_SECRET_KEY: '' }));
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/^gatekey: .*(connect|GATEKEY_JDCLOUD_ACCESS_KEY)/i);
  });

  it('plans and applies a state file from a folder with no account (CI), leaving that folder unlinked', async () => {
    await jd(['pull']);
    const file = join(scratch.path, 'state.yaml');
    expect((await local(['state', 'export', '--out', file])).code).toBe(0);
    const empty = join(scratch.path, 'ci');
    await mkdir(empty);
    const inCi = ci({ GATEKEY_DATA_DIR: empty });
    const planned = await jd(['plan', '--state', file], inCi);
    expect(planned.code, planned.err).toBe(0);
    expect(planned.out).toContain('1 to create');
    expect((await jd(['apply', '--state', file, '--yes'], inCi)).code).toBe(0);
    expect(emulator.snapshot(N1).authorizations).toEqual([expect.objectContaining({ accessKey: APIKEY })]);
    expect((await jd(['plan', '--state', file], inCi)).out).toContain('Nothing to change');
    expect(await local(['auth', 'list', '--json'], inCi)).toMatchObject({ out: '[]\n' });
    await writeFile(file, 'format: nope\n');
    expect(await jd(['plan', '--state', file], inCi)).toMatchObject({ code: 2, err: expect.stringMatching(/The state file .* was refused/) });
  });

  it('takes the account from the keychain entry main uses when the environment has none', async () => {
    const service = testKeychainService();
    const store = await MetadataStore.open(join(dataDir, 'gatekey-store.json'));
    await store.update((draft) => {
      draft.jdcloud.account = { accessKeyId: emulator.account.accessKey, regions: [N1], endpoint: emulator.endpoint, connectedAt: new Date().toISOString() };
    });
    await store.close();
    const env = { GATEKEY_DATA_DIR: dataDir, GATEKEY_KEYCHAIN_SERVICE: service };
    try {
      // Connected, and the keychain was read: no SecretKey there (7, as for a missing APISecret).
      const missing = await runGatekey(['jd', 'plan'], env, noSleep);
      expect(missing).toMatchObject({ code: 7, out: '' });
      await keytar.setPassword(`${service} JD Cloud account`, emulator.account.accessKey, emulator.account.secretKey);
      await runGatekey(['jd', 'pull'], env, noSleep);
      const planned = await runGatekey(['jd', 'plan'], env, noSleep);
      expect(planned.code, planned.err).toBe(0);
      expect(planned.out).toContain(`Plan for ${emulator.endpoint}, region(s) ${N1}:`);
    } finally {
      await keytar.deletePassword(`${service} JD Cloud account`, emulator.account.accessKey);
    }
  });
});

describe('the built gatekey command and the emulator', () => {
  let built: BuiltCli;
  beforeAll(async () => {
    built = await buildCli();
  }, 180_000);
  afterAll(() => built.remove());

  it('applies with credentials from the environment (exit 0), and exits 7 with wrong ones', async () => {
    const args = ['--endpoint', emulator.endpoint, '--region', N1];
    const env = { ...process.env, ...ci() };
    expect((await built.run(['jd', 'pull', ...args], env)).code).toBe(0);
    const applied = await built.run(['jd', 'apply', '--yes', ...args], env);
    expect(applied, applied.stderr).toMatchObject({ code: 0 });
    expect(applied.stdout).toContain('1 applied');
    const wrong = await built.run(['jd', 'plan', ...args], { ...env, GATEKEY_JDCLOUD_SECRET_KEY: 'wrong-secret' });
    expect(wrong.code).toBe(7);
    const state = await built.run(['state', 'export', '--format', 'json'], env);
    expect(JSON.parse(state.stdout)).toMatchObject({ format: 'gatekey-state', version: 1 });
  }, 120_000);
});
