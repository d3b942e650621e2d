import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { mkdir, mkdtemp, open, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';

// `gatekey sign --data-file` on files that are not what they seem, real ones in
// a temp folder. The body is read before the store or the keychain, so no key is needed.
let scratch: string;
beforeEach(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'gatekey-data-file-'));
  await mkdir(join(scratch, 'data'));
});
afterEach(async () => {
  // A reader stuck on the FIFO (the defect) is released by a writer that opens and closes at once.
  await open(join(scratch, 'pipe'), constants.O_WRONLY | constants.O_NONBLOCK).then(
    (writer) => writer.close(),
    () => undefined,
  );
  await rm(scratch, { recursive: true, force: true });
});

/** Runs `gatekey sign` in this process; a hang is reported as such instead of hanging the file. */
async function signWithDataFile(path: string): Promise<{ code: number | 'hung'; err: string }> {
  let err = '';
  const io = { out: () => undefined, err: (text: string) => void (err += text), readStdin: async () => '', env: { GATEKEY_DATA_DIR: join(scratch, 'data') } };
  const ran = runCli(['sign', '--api-key', 'A'.repeat(32), '--secret-stdin', '--data-file', path, 'http://127.0.0.1:9/'], io);
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<'hung'>((resolve) => (timer = setTimeout(() => resolve('hung'), 30_000)));
  const code = await Promise.race([ran, hung]);
  clearTimeout(timer);
  return { code, err };
}

describe.runIf(process.platform !== 'win32')('gatekey sign --data-file on what is not a regular file', () => {
  it('refuses a FIFO with no writer at once (exit 5), instead of waiting for a writer forever', async () => {
    const fifo = join(scratch, 'pipe');
    await promisify(execFile)('mkfifo', [fifo]);
    const started = Date.now();
    const result = await signWithDataFile(fifo);
    expect(result).toEqual({ code: 5, err: `gatekey: --data-file ${fifo} is a pipe (FIFO), not a file; it was not read.` });
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('refuses a symlink (exit 5), even to a regular file, and a device', async () => {
    await writeFile(join(scratch, 'body.json'), '{"a":1}');
    const link = join(scratch, 'link.json');
    await symlink(join(scratch, 'body.json'), link);
    expect(await signWithDataFile(link)).toEqual({ code: 5, err: `gatekey: --data-file ${link} is a symbolic link; name the file it points to.` });
    expect(await signWithDataFile('/dev/zero')).toEqual({ code: 5, err: 'gatekey: --data-file /dev/zero is a device, not a file; it was not read.' });
  });

  it('still says a folder is a folder, and refuses a body over 10 MiB with exit 2', async () => {
    expect(await signWithDataFile(scratch)).toEqual({ code: 5, err: `gatekey: --data-file ${scratch} is a folder; name a file.` });
    const big = join(scratch, 'big.bin');
    await writeFile(big, Buffer.alloc(10 * 1024 * 1024 + 1, 0x61));
    expect(await signWithDataFile(big)).toMatchObject({ code: 2, err: expect.stringMatching(/is over 10 MiB/) });
  });
});
