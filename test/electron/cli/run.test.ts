import { writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import keytar from 'keytar';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../../electron/cli/run';
import { startTestBackend, type TestBackend } from '../../support/test-backend';
import { buildCli, type BuiltCli } from '../../support/built-cli';
import { CONTROL_CHARACTERS, codePointName } from '../../support/control-characters';
import { startVerifyingGateway, type VerifyingGateway } from '../../support/verifying-gateway';

// The command line against the app's real store (a temp data folder written by
// the real backend) and the real keychain, and, built for real, as a process.
let backend: TestBackend;
let gateway: VerifyingGateway;
let key: { id: string; name: string; apiKey: string };
let secret: string;

beforeEach(async () => {
  backend = await startTestBackend();
  const created = await backend.api.accessKeys.create({ name: 'cli-caller', description: 'for the CLI' });
  if (!created.ok) throw new Error(created.error.message);
  key = created.data;
  secret = (await keytar.getPassword(backend.service, key.id))!;
  gateway = await startVerifyingGateway(new Map([[key.apiKey, secret]]));
});
afterEach(async () => {
  await gateway.close();
  await backend.cleanup();
});

async function cli(argv: string[], stdin = '', env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (text) => (out += `${text}\n`),
    err: (text) => (err += `${text}\n`),
    readStdin: async () => stdin,
    env: { GATEKEY_DATA_DIR: backend.dataDir, GATEKEY_KEYCHAIN_SERVICE: backend.service, ...env },
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

  // Each of these would end up inside a printed header line (Authorization, x-jdcloud-nonce, or the header itself).
  it.each(CONTROL_CHARACTERS.map((c) => [codePointName(c), c]))('refuses %s in --region, --service, --nonce and -H with exit 2, naming the option', async (_label, c) => {
    const url = `${gateway.origin}/`;
    const cases: Array<[RegExp, string[]]> = [
      [/^gatekey: --region contains /, ['--region', `cn-north-1${c}X-Evil: 1`, '--service', 'svc', url]],
      [/^gatekey: --region contains/, ['--region', `cn-north-1${c}`, '--service', 'svc', url]],
      [/^gatekey: --service contains/, ['--region', 'cn-north-1', '--service', `svc${c}X-Evil: 1`, url]],
      [/^gatekey: --nonce contains/, [...scope, '--nonce', `n-1${c}X-Evil: 1`, url]],
      [/^gatekey: -H ".*" contains/, [...scope, '-H', `X-A: ok${c}X-Evil: 1`, url]],
      [/^gatekey: -H ".*" contains/, [...scope, '-H', `X-A: ok${c}`, url]],
      [/^gatekey: -H ".*" contains/, [...scope, '-H', `X-A${c}: ok`, url]],
    ];
    for (const [message, args] of cases) {
      const result = await cli(['sign', '--key', 'cli-caller', ...args]);
      expect(result, args.join(' ')).toMatchObject({ code: 2, out: '', err: expect.stringMatching(message) });
      expect(result.err).toMatch(/header injection/);
      // The message quotes what was refused with the character spelled out, so it cannot reach the terminal either.
      expect(result.err.slice(0, -1)).not.toContain(c);
    }
  });

  it.each([
    ['an upper-case region', ['--region', 'CN-NORTH-1', '--service', 'svc'], /--region "CN-NORTH-1" is not a region/],
    ['a service with a dot', ['--region', 'cn-north-1', '--service', 'a.b'], /--service "a\.b" is not a service name/],
    ['a nonce with a space', [...scope, '--nonce', 'n 1'], /--nonce must be 1 to 128 printable ASCII characters without spaces/],
    ['a date that is no real time', [...scope, '--date', '20261399T999999Z'], /--date 20261399T999999Z is not a real UTC time/],
    ['February 29 of a common year', [...scope, '--date', '20250229T101010Z'], /--date 20250229T101010Z is not a real UTC time/],
  ])('refuses %s with exit 2 and its own message', async (_label, args, message) => {
    const result = await cli(['sign', '--key', 'cli-caller', ...args, `${gateway.origin}/`]);
    expect(result).toEqual({ code: 2, out: '', err: expect.stringMatching(message) });
  });

  it('exits 7 when the keychain was read and the secret is not in it', async () => {
    await keytar.deletePassword(backend.service, key.id);
    const result = await cli(['sign', '--key', key.id, ...scope, `${gateway.origin}/`]);
    expect(result).toMatchObject({ code: 7, out: '', err: expect.stringMatching(/not in the OS keychain/) });
  });

  it('exits 5 when --data-file names a folder or nothing', async () => {
    const folder = await cli(['sign', '--key', 'cli-caller', ...scope, '--data-file', backend.dataDir, `${gateway.origin}/`]);
    expect(folder).toEqual({ code: 5, out: '', err: `gatekey: --data-file ${backend.dataDir} is a folder; name a file.\n` });
    const missing = await cli(['sign', '--key', 'cli-caller', ...scope, '--data-file', join(backend.dataDir, 'no-such-body.json'), `${gateway.origin}/`]);
    expect(missing).toMatchObject({ code: 5, out: '', err: expect.stringMatching(/no-such-body\.json does not exist/) });
  });

  it('signs the body of --data-file', async () => {
    await writeFile(join(backend.dataDir, 'body.json'), '{"a":1}');
    const url = `${gateway.origin}/v1/items`;
    const result = await cli(['sign', '--key', 'cli-caller', ...scope, '-H', 'Content-Type: application/json', '--data-file', join(backend.dataDir, 'body.json'), url]);
    expect(result.code, result.err).toBe(0);
    expect(await sendWith(url, 'POST', result.out, '{"a":1}', { 'Content-Type': 'application/json' })).toBe(200);
  });

  it('exits 5 when GATEKEY_DATA_DIR names a folder that does not exist', async () => {
    const nowhere = join(backend.dataDir, 'not-here');
    for (const argv of [['keys'], ['sign', '--key', 'cli-caller', ...scope, `${gateway.origin}/`]]) {
      const result = await cli(argv, '', { GATEKEY_DATA_DIR: nowhere });
      expect(result).toEqual({ code: 5, out: '', err: `gatekey: no Gatekey data in ${nowhere}: the folder does not exist. Check GATEKEY_DATA_DIR.\n` });
    }
  });

  it('exits 5 when the data file is unreadable', async () => {
    await writeFile(join(backend.dataDir, 'gatekey-store.json'), '{broken');
    const result = await cli(['keys']);
    expect(result).toMatchObject({ code: 5, err: expect.stringMatching(/gatekey-store\.json.*not valid JSON/) });
  });
});

describe('the built gatekey command', () => {
  let built: BuiltCli;
  beforeAll(async () => {
    built = await buildCli();
  }, 120_000);
  afterAll(() => built.remove());
  const env = () => ({ ...process.env, GATEKEY_DATA_DIR: backend.dataDir, GATEKEY_KEYCHAIN_SERVICE: backend.service });

  it('runs as a process and signs with the keychain', async () => {
    const result = await built.run(['sign', '--key', 'cli-caller', ...['--region', 'cn-north-1', '--service', 's'], `${gateway.origin}/ping`], env());
    expect(result.code, result.stderr).toBe(0);
    expect(await sendWith(`${gateway.origin}/ping`, 'GET', result.stdout)).toBe(200);
  }, 60_000);

  it('prints no header line when an option carries a line break, and exits 2', async () => {
    const result = await built.run(['sign', '--key', 'cli-caller', '--region', 'cn-north-1\r\nX-Evil: 1', '--service', 's', `${gateway.origin}/ping`], env());
    expect(result).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^gatekey: --region contains a line break/) });
  }, 60_000);
});
