import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signTestRequest } from '../../../../electron/core/signing/request';

// The curl preview is run by a real POSIX shell, as a person pasting it or
// piping `gatekey sign --curl` into `sh` would. Only `curl` itself is a stand-in
// (a script that prints the arguments it got), so nothing is sent anywhere.
let bin: string;
beforeAll(async () => {
  bin = await mkdtemp(join(tmpdir(), 'gatekey-curl-'));
  await writeFile(join(bin, 'curl'), '#!/bin/sh\nfor arg; do printf "%s\\0" "$arg"; done\n');
  // Runs only if the shell executes text from the request: it leaves a file behind.
  await writeFile(join(bin, 'PWNED'), '#!/bin/sh\ntouch "$(dirname "$0")/pwned"\n');
  await writeFile(join(bin, 'pwned-cmd'), '#!/bin/sh\ntouch "$(dirname "$0")/pwned"\n');
  await Promise.all(['curl', 'PWNED', 'pwned-cmd'].map((name) => chmod(join(bin, name), 0o755)));
});
afterAll(() => rm(bin, { recursive: true, force: true }));

async function argumentsCurlGets(command: string): Promise<string[]> {
  const { stdout } = await promisify(execFile)('/bin/sh', ['-c', command], { cwd: bin, env: { PATH: `${bin}:/usr/bin:/bin`, HOME: '/nonexistent-home' }, timeout: 30_000 });
  return stdout.split('\0').slice(0, -1);
}

const credentials = { apiKey: '0123456789ABCDEF0123456789ABCDEF', secret: 'FEDCBA9876543210FEDCBA9876543210' };
const options = { algorithm: 'JDCLOUD2' as const, date: '20261129T101010Z', nonce: 'nonce-1' };

describe('the curl preview in a real shell', () => {
  it('hands curl every argument exactly as signed, and runs nothing hidden in them', async () => {
    const hostile = `it's $(pwned-cmd) \`pwned-cmd\` $HOME "q" \\ ; | pwned-cmd &`;
    const signed = signTestRequest(
      {
        // Every character here is allowed in an HTTP method (a token), and each means something to a shell.
        method: 'X`PWNED`$HOME|PWNED&',
        url: `https://xv3xbwah945y.cn-north-1.jdcloud-api.net/v1/it's?q=$(pwned-cmd)&b=\`pwned-cmd\``,
        headers: [['X-Note', hostile]],
        body: `{"note":"${hostile}"}`,
      },
      credentials,
      options,
    );
    const args = await argumentsCurlGets(signed.curl);
    const sent = signed.headers.filter(([name]) => name !== 'host').flatMap(([name, value]) => ['-H', `${name}: ${value}`]);
    expect(args).toEqual(['-sS', '-X', 'X`PWNED`$HOME|PWNED&', signed.url, ...sent, '--data-raw', signed.body]);
    expect(args).toContain(`X-Note: ${hostile}`);
    expect(await readdir(bin)).not.toContain('pwned');
  }, 60_000);

  it('leaves a plain method bare, as people write it', () => {
    const signed = signTestRequest({ method: 'delete', url: 'https://s.cn-north-1.example.com/x', headers: [], body: '' }, credentials, options);
    expect(signed.curl).toMatch(/^curl -sS -X DELETE 'https:\/\/s\.cn-north-1\.example\.com\/x' \\\n {2}-H 'x-jdcloud-date: 20261129T101010Z'/);
  });
});
