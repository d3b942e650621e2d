import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import keytar from 'keytar';
import { build } from 'vite';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../../electron/cli/run';
import { startTestBackend, type TestBackend } from '../../support/test-backend';
import { startVerifyingGateway, type VerifyingGateway } from '../../support/verifying-gateway';

// The command line against the app's real store (a temp data folder written by
// the real backend) and the real keychain, and, built for real, as a process.
let backend: TestBackend;
let gateway: VerifyingGateway;
let key: { id: string; name: string; apiKey: string };
let secret: string;

beforeEach(async () => {
  backend = await startTestBackend();
  const created = await backend.api.createAccessKey({ name: 'cli-caller', description: 'for the CLI' });
  if (!created.ok) throw new Error(created.error.message);
  key = created.data;
  secret = (await keytar.getPassword(backend.service, key.id))!;
  gateway = await startVerifyingGateway(new Map([[key.apiKey, secret]]));
});
afterEach(async () => {
  await gateway.close();
  await backend.cleanup();
});

async function cli(argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (text) => (out += `${text}\n`),
    err: (text) => (err += `${text}\n`),
    readStdin: async () => stdin,
    env: { GATEKEY_DATA_DIR: backend.dataDir, GATEKEY_KEYCHAIN_SERVICE: backend.service },
  };
  const code = await runCli(argv, io);
  return { code, out, err };
}

/** Sends a request with exactly the headers the CLI printed, as a script would. */
function sendWith(url: string, method: string, headers: string, body = '', extra: Record<string, string> = {}): Promise<number> {
  const lines = Object.fromEntries(headers.trim().split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]));
  return new Promise((resolve, reject) => {
    const call = request(url, { method, headers: { ...extra, ...lines } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    call.on('error', reject);
    call.end(body || undefined);
  });
}

describe('gatekey keys', () => {
  it('lists names, IDs and APIKeys, never secrets', async () => {
    const plain = await cli(['keys']);
    expect(plain).toEqual({ code: 0, out: `cli-caller\t${key.id}\t${key.apiKey}\n`, err: '' });
    const json = await cli(['keys', '--json']);
    expect(JSON.parse(json.out)).toEqual([{ id: key.id, name: 'cli-caller', apiKey: key.apiKey, description: 'for the CLI', createdAt: expect.any(String) }]);
    expect(plain.out + json.out).not.toContain(secret);
  });
});

describe('gatekey sign', () => {
  const scope = ['--region', 'cn-north-1', '--service', 'xv3xbwah945y'];

  it.each<[string, string[], string, string]>([
    ['GET', [], '', '/v1/items'],
    ['GET with query', ['-H', 'X-Trace: abc'], '', '/v1/items?b=2&a=1'],
    ['POST with body, JDCLOUD3', ['--algorithm', 'jdcloud3', '-H', 'Content-Type: application/json'], '{"a":1}', '/v1/items'],
  ])('%s: the printed headers pass a verifying gateway', async (_label, args, body, path) => {
    const method = body ? 'POST' : 'GET';
    const url = `${gateway.origin}${path}`;
    const result = await cli(['sign', '--key', 'CLI-CALLER', ...scope, ...args, ...(body ? ['--data', body] : []), url]);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toMatch(/^x-jdcloud-date: \d{8}T\d{6}Z\nx-jdcloud-nonce: [0-9a-f-]{36}\nAuthorization: JDCLOUD[23]-HMAC-SHA256 Credential=/);
    const userHeaders = Object.fromEntries(args.flatMap((arg, i) => (args[i - 1] === '-H' ? [[arg.split(': ')[0]!, arg.split(': ')[1]!]] : [])));
    expect(await sendWith(url, method, result.out, body, userHeaders)).toBe(200);
    expect(result.out + result.err).not.toContain(secret);
  });

  it('signs with --api-key and the secret from standard input, and explains on stderr', async () => {
    const result = await cli(['sign', '--api-key', key.apiKey, '--secret-stdin', '--explain', '--date', '20261129T101010Z', '--nonce', 'n-1', ...scope, `${gateway.origin}/x`], `${secret}\n`);
    expect(result.code).toBe(0);
    expect(result.err).toContain('Canonical request:\nGET\n/x\n');
    expect(result.err).toContain('String to sign:\nJDCLOUD2-HMAC-SHA256\n20261129T101010Z\n20261129/cn-north-1/xv3xbwah945y/jdcloud2_request\n');
    expect(result.out).toContain('x-jdcloud-nonce: n-1');
    expect(result.out + result.err).not.toContain(secret);
  });

  it('prints a curl command without the secret', async () => {
    const result = await cli(['sign', '--key', key.id, '--curl', ...scope, '-X', 'DELETE', `${gateway.origin}/v1/items/1`]);
    expect(result.out).toMatch(/^curl -sS -X DELETE 'http:\/\/127\.0\.0\.1:\d+\/v1\/items\/1'/);
    expect(result.out).toContain("-H 'Authorization: JDCLOUD2-HMAC-SHA256");
    expect(result.out).not.toContain(secret);
  });

  it.each([
    [['sign', '--key', 'nobody', 'http://example.com/'], 3, /No access key named or with the ID "nobody"/],
    [['sign', '--key', 'cli-caller', 'ftp://example.com/'], 2, /Only http/],
    [['sign', '--key', 'cli-caller', 'not a url'], 2, /full URL/],
    [['sign', '--key', 'cli-caller', '--date', '2026-11-29', 'http://svc.cn-north-1.example.com/'], 2, /YYYYMMDDTHHMMSSZ/],
    [['sign', '--key', 'cli-caller', '-H', 'X-Bad: a\r\nX-Evil: b', 'http://svc.cn-north-1.example.com/'], 2, /header injection/],
    [['sign', '--api-key', 'ABC', '--secret-stdin', 'http://svc.cn-north-1.example.com/'], 2, /32 hex/],
    [['sign', '--api-key', '0123456789ABCDEF0123456789ABCDEF', 'http://svc.cn-north-1.example.com/'], 2, /--secret-stdin/],
    [['sign', '--key', 'cli-caller', '--algorithm', 'MD5', 'http://svc.cn-north-1.example.com/'], 2, /JDCLOUD2 or JDCLOUD3/],
    [['sign', '--key', 'cli-caller'], 2, /exactly one URL/],
    [['sign', '--bogus'], 2, /Unknown option/],
    [['frobnicate'], 2, /Unknown command/],
  ])('%j exits %i with a clear message', async (argv, code, message) => {
    const result = await cli(argv as string[]);
    expect(result.code).toBe(code);
    expect(result.err).toMatch(message);
    expect(result.out).toBe('');
  });

  it('exits 4 when the secret is missing from the keychain', async () => {
    await keytar.deletePassword(backend.service, key.id);
    const result = await cli(['sign', '--key', key.id, ...scope, `${gateway.origin}/`]);
    expect(result).toMatchObject({ code: 4, err: expect.stringMatching(/not in the OS keychain/) });
  });

  it('exits 5 when the data file is unreadable', async () => {
    await writeFile(join(backend.dataDir, 'gatekey-store.json'), '{broken');
    const result = await cli(['keys']);
    expect(result).toMatchObject({ code: 5, err: expect.stringMatching(/gatekey-store\.json.*not valid JSON/) });
  });
});

describe('the built gatekey command', () => {
  let outDir: string;
  beforeAll(async () => {
    // Inside the project (dist/ is git-ignored) so that keytar resolves from node_modules as it does for dist/cli.
    const dist = fileURLToPath(new URL('../../../dist/', import.meta.url));
    await mkdir(dist, { recursive: true });
    outDir = await mkdtemp(join(dist, 'cli-test-'));
    await build({ configFile: fileURLToPath(new URL('../../../electron/vite.config.ts', import.meta.url)), mode: 'cli', logLevel: 'silent', build: { outDir } });
  }, 60_000);
  afterAll(() => rm(outDir, { recursive: true, force: true }));

  it('runs as a process and signs with the keychain', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(outDir, 'gatekey.cjs'), 'sign', '--key', 'cli-caller', ...['--region', 'cn-north-1', '--service', 's'], `${gateway.origin}/ping`], {
      env: { ...process.env, GATEKEY_DATA_DIR: backend.dataDir, GATEKEY_KEYCHAIN_SERVICE: backend.service },
    });
    expect(await sendWith(`${gateway.origin}/ping`, 'GET', stdout)).toBe(200);
  });
});
