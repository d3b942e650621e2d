import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildKeyFile, keyFileText } from '../../../electron/core/key-files/format';
import { key } from '../../support/store-records';
import { startTestBackend, testKeychainService } from '../../support/test-backend';
import { runGatekey, scratchFolder } from './cli-harness';

// The provider commands against a real data folder in a temp dir (the real
// store, its lock and its saves), and beside them the app's own backend, to
// hold the same words the window shows.
let scratch: Awaited<ReturnType<typeof scratchFolder>>;
let dataDir: string;
const env = () => ({ GATEKEY_DATA_DIR: dataDir, GATEKEY_KEYCHAIN_SERVICE: `${testKeychainService()}-unused` });
const gatekey = (...argv: string[]) => runGatekey(argv, env());

beforeEach(async () => {
  scratch = await scratchFolder('gatekey-cli-provider-');
  dataDir = join(scratch.path, 'data');
  await mkdir(dataDir);
});
afterEach(() => scratch.remove());

const APIKEY = '0123456789ABCDEF0123456789ABCDEF';
const addGroup = (name: string, environment = 'online') =>
  gatekey('groups', 'add', '--name', name, '--region', 'cn-north-1', '--environment', environment, '--host', `${name}.cn-north-1.jdcloud-api.net`, '--description', `the ${name} API`);

describe('gatekey groups', () => {
  it('adds, lists (plain and --json) and removes an API group, unbinding it', async () => {
    const added = await addGroup('orders');
    expect(added).toMatchObject({ code: 0, err: '', out: expect.stringMatching(/^Added the API group "orders" \([0-9a-z]{12}\)\.\n$/) });
    expect(await gatekey('auth', 'add', '--api-key', APIKEY.toLowerCase())).toMatchObject({ code: 0 });
    expect(await gatekey('bind', APIKEY, 'orders')).toMatchObject({ code: 0 });

    const listed = await gatekey('groups', 'list');
    expect(listed.out).toMatch(/^orders\t[0-9a-z]{12}\tcn-north-1\tonline\torders\.cn-north-1\.jdcloud-api\.net\t-\t1 bound\n$/);
    const json = JSON.parse((await gatekey('groups', 'list', '--json')).out);
    expect(json).toEqual([expect.objectContaining({ name: 'orders', description: 'the orders API', bindingCount: 1 })]);

    const removed = await gatekey('groups', 'remove', 'ORDERS');
    expect(removed).toEqual({ code: 0, err: '', out: 'Removed the API group "orders"; 1 authorization(s) were bound to it.\n' });
    expect((await gatekey('groups', 'list')).err).toMatch(/No API groups yet/);
  });

  it('refuses what the form refuses, naming the option, with exit 2', async () => {
    expect(await gatekey('groups', 'add', '--name', 'x', '--region', 'CN_NORTH', '--environment', 'online', '--host', 'a.b')).toMatchObject({
      code: 2,
      out: '',
      err: 'gatekey: --region: Region looks like cn-north-1: lowercase words and digits joined by "-".\n',
    });
    expect((await gatekey('groups', 'add', '--name', 'x', '--region', 'cn-north-1', '--environment', 'prod', '--host', 'a.b')).err).toBe('gatekey: --environment: Environment is test, preview or online.\n');
    expect((await gatekey('groups', 'add', '--region', 'cn-north-1', '--environment', 'test', '--host', 'a.b')).err).toBe('gatekey: --name: Name is required.\n');
    expect((await gatekey('groups', 'remove', 'nothing')).code).toBe(3);
    expect((await gatekey('groups', 'frob')).code).toBe(2);
  });
});

describe('the same refusals as the window', () => {
  it('a name taken and a key already authorized: the service words, exit 2', async () => {
    const backend = await startTestBackend();
    try {
      const group = { name: 'orders', description: '', region: 'cn-north-1', environment: 'online' as const, host: 'o.cn-north-1.jdcloud-api.net' };
      await backend.api.apiGroups.create(group);
      const ui = await backend.api.apiGroups.create({ ...group, name: 'ORDERS' });
      await backend.api.authorizations.create({ callerKey: APIKEY, description: '' });
      const uiAuth = await backend.api.authorizations.create({ callerKey: APIKEY, description: '' });
      if (ui.ok || uiAuth.ok) throw new Error('the window accepted a duplicate');

      await addGroup('orders');
      expect(await addGroup('Orders')).toEqual({ code: 2, out: '', err: `gatekey: ${ui.error.message}\n` });
      await gatekey('auth', 'add', '--api-key', APIKEY);
      expect(await gatekey('auth', 'add', '--api-key', APIKEY)).toEqual({ code: 2, out: '', err: `gatekey: ${uiAuth.error.message}\n` });
      expect(uiAuth.error.message).toMatch(/already authorized/);
    } finally {
      await backend.cleanup();
    }
  });

  it('while the app has the data folder open, writes are refused with the store\'s read-only words (exit 5) and reads work', async () => {
    const backend = await startTestBackend();
    try {
      const held = { GATEKEY_DATA_DIR: backend.dataDir };
      const refused = await runGatekey(['groups', 'add', '--name', 'x', '--region', 'cn-north-1', '--environment', 'test', '--host', 'x.cn-north-1.jdcloud-api.net'], held);
      expect(refused).toMatchObject({ code: 5, out: '', err: expect.stringMatching(/^gatekey: Another Gatekey \(process \d+, since .*\) is using this data folder; this one only reads it\./) });
      expect(await runGatekey(['groups', 'list', '--json'], held)).toMatchObject({ code: 0, out: '[]\n' });
    } finally {
      await backend.cleanup();
    }
  });
});

describe('gatekey auth, bind and unbind', () => {
  it('adds by Access Key ID or APIKey, binds and unbinds by name, ID or NAME:ENV, and removes by caller key', async () => {
    await addGroup('orders');
    await addGroup('users', 'test');
    const byId = await gatekey('auth', 'add', '--access-key-id', 'ABCDEF012345', '--description', 'partner', '--json');
    expect(byId.code).toBe(0);
    const created = JSON.parse(byId.out) as { id: string; callerKey: string };
    expect(created).toMatchObject({ callerKey: 'abcdef012345', callerKeyKind: 'accessKeyId', description: 'partner' });

    const bound = await gatekey('bind', 'abcdef012345', 'orders:online', 'users');
    expect(bound).toEqual({ code: 0, err: '', out: 'abcdef012345 is bound to orders:online, users:test.\n' });
    expect(await gatekey('bind', created.id, 'orders')).toMatchObject({ code: 0, err: '"orders" was already bound.\n' });
    expect(await gatekey('bind', created.id, 'orders:test')).toMatchObject({ code: 3, err: 'gatekey: No API group "orders" in the test environment (it is in online).\n' });
    expect(await gatekey('unbind', created.id, 'orders')).toEqual({ code: 0, err: '', out: 'abcdef012345 is bound to users:test.\n' });
    expect((await gatekey('auth', 'list')).out).toBe(`${created.id}\tabcdef012345\tpartner\tusers:test\n`);

    expect(await gatekey('auth', 'remove', 'ABCDEF012345')).toEqual({ code: 0, err: '', out: `Removed the authorization of abcdef012345 (${created.id}).\n` });
    expect(await gatekey('auth', 'remove', created.id)).toMatchObject({ code: 3, err: expect.stringMatching(/No authorization with the ID or caller key/) });
  });

  it('refuses a caller key of the wrong kind or shape, and two sources at once (exit 2)', async () => {
    expect((await gatekey('auth', 'add', '--access-key-id', APIKEY)).err).toBe('gatekey: --access-key-id: An Access Key ID is 12 hex characters.\n');
    expect((await gatekey('auth', 'add', '--api-key', 'xyz')).err).toBe('gatekey: --api-key: Enter an Access Key ID (12 hex characters) or an APIKey (32 hex characters).\n');
    expect((await gatekey('auth', 'add', '--api-key', APIKEY, '--access-key-id', 'abcdef012345')).code).toBe(2);
    expect((await gatekey('auth', 'add')).code).toBe(2);
    expect((await gatekey('bind', 'nobody', 'orders')).code).toBe(3);
  });

  it('imports key files as the window does: one created, one already authorized, one refused', async () => {
    const good = join(scratch.path, 'good.gatekey.json');
    await writeFile(good, keyFileText(buildKeyFile(key(9, 'caller'), new Date('2026-11-29T10:00:00Z'))));
    const bad = join(scratch.path, 'bad.gatekey.json');
    await writeFile(bad, '{"format":"gatekey.apikey"');
    const first = await gatekey('auth', 'add', '--key-file', good);
    expect(first).toMatchObject({ code: 0, err: '', out: expect.stringMatching(/^Authorized 00000000000000000000000000000009 \(fingerprint [0-9a-f]{8}\) from good\.gatekey\.json: [0-9a-z]{12}\n$/) });
    const again = await gatekey('auth', 'add', '--key-file', good, bad);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/good\.gatekey\.json: the access key 00000000000000000000000000000009 is already authorized/);
    expect(again.err).toMatch(/bad\.gatekey\.json: It is not JSON/);
    // The key file gave both identifiers: the Access Key ID finds the same authorization.
    expect((await gatekey('bind', '000000000009', 'nothing')).err).toMatch(/No API group named/);
  });
});

describe('gatekey state and export', () => {
  async function seed(): Promise<void> {
    await addGroup('orders');
    await addGroup('users', 'test');
    await gatekey('auth', 'add', '--api-key', APIKEY, '--description', 'Partner, Inc.');
    await gatekey('auth', 'add', '--access-key-id', 'abcdef012345');
    await gatekey('bind', APIKEY, 'orders', 'users');
  }

  it('round-trips: export, import into an empty folder, export again is byte-identical (YAML and JSON)', async () => {
    await seed();
    for (const format of ['yaml', 'json']) {
      const file = join(scratch.path, `state.${format}`);
      expect(await gatekey('state', 'export', '--out', file)).toEqual({ code: 0, out: '', err: '' });
      const exported = await readFile(file, 'utf8');
      expect(exported).toMatch(format === 'json' ? /^\{\n {2}"format": "gatekey-state"/ : /^format: gatekey-state\n/);

      const other = join(scratch.path, `other-${format}`);
      await mkdir(other);
      const into = (...argv: string[]) => runGatekey(argv, { GATEKEY_DATA_DIR: other });
      const preview = await into('state', 'import', file);
      expect(preview.code).toBe(2);
      expect(preview.out).toContain('+ API group "orders" (cn-north-1, online, orders.cn-north-1.jdcloud-api.net)');
      expect(preview.out).toContain(`+ authorization of ${APIKEY} "Partner, Inc.", bound to 2 API group(s)`);
      expect(preview.err).toMatch(/Nothing was changed yet: run again with --yes to make these 4 change\(s\)\./);
      expect((await into('groups', 'list', '--json')).out).toBe('[]\n');

      expect(await into('state', 'import', file, '--yes')).toMatchObject({ code: 0, err: 'Imported: 4 change(s).\n' });
      expect(await into('state', 'export', '--format', format)).toEqual({ code: 0, out: exported, err: '' });
      expect(await into('state', 'import', file)).toMatchObject({ code: 0, err: expect.stringMatching(/^Nothing to import/) });
    }
  });

  it('refuses a conflicting file whole, and a broken one, with exit 2', async () => {
    await seed();
    const file = join(scratch.path, 'state.yaml');
    await gatekey('state', 'export', '--out', file);
    const exported = await readFile(file, 'utf8');
    const linked = (apiGroupId: string) => exported.replace('host: orders.cn-north-1.jdcloud-api.net\n', `host: orders.cn-north-1.jdcloud-api.net\n    remote:\n      apiGroupId: ${apiGroupId}\n`);
    const other = join(scratch.path, 'other');
    await mkdir(other);
    const into = (...argv: string[]) => runGatekey(argv, { GATEKEY_DATA_DIR: other });
    await writeFile(file, linked('ag-one'));
    expect(await into('state', 'import', file, '--yes')).toMatchObject({ code: 0 });
    await writeFile(file, linked('ag-two'));
    await into('bind', APIKEY, 'users');
    const refused = await into('state', 'import', file, '--yes');
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('conflict: The API group "orders" is linked here to ag-one and in the file to ag-two.');
    expect(refused.err).toMatch(/gatekey: Nothing was imported: 1 conflict\(s\)/);
    expect((await into('state', 'export')).out).toContain('apiGroupId: ag-one');

    await writeFile(file, (await readFile(file, 'utf8')).replace('version: 1', 'version: 9'));
    expect(await into('state', 'import', file)).toMatchObject({ code: 2, err: expect.stringMatching(/^gatekey: The state file .*state\.yaml was refused: version: is 1/) });
    expect(await into('state', 'import', join(scratch.path, 'none.yaml'))).toMatchObject({ code: 2, err: expect.stringMatching(/was refused: it does not exist\./) });
    expect((await gatekey('state', 'export', '--format', 'xml')).code).toBe(2);
  });

  it('exports Kong decK and AWS CSV with the APIKey only, listing the authorization whose APIKey is unknown', async () => {
    await seed();
    const kong = await gatekey('export', 'kong');
    expect(kong.code).toBe(0);
    expect(kong.out).toContain(`username: Partner, Inc.`);
    expect(kong.out).toContain(`- key: ${APIKEY}`);
    expect(kong.out).toContain('- group: orders:online');
    expect(kong.err).toBe('Skipped abcdef012345: authorized by Access Key ID, and its APIKey is not known here.\n');
    const csv = join(scratch.path, 'keys.csv');
    expect(await gatekey('export', 'aws', '--out', csv)).toMatchObject({ code: 0, out: '' });
    expect(await readFile(csv, 'utf8')).toBe(`Name,Key,Description,Enabled,UsagePlanIds\r\n"Partner, Inc.",${APIKEY},"Partner, Inc.",TRUE,\r\n`);
    expect((await gatekey('export', 'nginx')).code).toBe(2);
  });
});
