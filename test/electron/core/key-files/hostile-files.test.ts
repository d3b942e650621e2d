import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildKeyFile, checksumOf, handoffText, keyFileText } from '../../../../electron/core/key-files/format';
import type { KeyFile } from '../../../../electron/shared/key-files/format';
import type { Result } from '../../../../electron/ipc/result';
import { startTestBackend, type TestBackend } from '../../../support/test-backend';
import { everyAuthorization } from '../../../support/every-record';

// The provider's side through the real handlers: real files in a temp folder, real store, real keychain.
let provider: TestBackend;
let folder: string;

beforeEach(async () => {
  provider = await startTestBackend();
  folder = await mkdtemp(join(tmpdir(), 'gatekey-hostile-'));
}, 60_000);
afterEach(async () => {
  await provider.cleanup();
  await rm(folder, { recursive: true, force: true });
}, 60_000);

function data<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

const keyFile = (id: string, name: string, description = ''): KeyFile =>
  buildKeyFile(
    { id, name, description, apiKey: `${id}${id}`.slice(0, 24).toUpperCase().padEnd(32, 'A'), createdAt: '2026-11-01T09:00:00.000Z', updatedAt: '2026-11-01T09:00:00.000Z' },
    new Date('2026-11-29T10:00:00.000Z'),
  );

/** A file with its content as given and a checksum that matches it, so only the oddity is judged. */
function sealed(file: KeyFile, changes: Partial<KeyFile>): KeyFile {
  const { checksum: _old, ...content } = { ...file, ...changes };
  return { ...content, checksum: checksumOf(content) };
}

async function write(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, content);
  return path;
}

const asCandidate = (source: string, text: string) => ({ source, kind: 'file' as const, base64: Buffer.from(text, 'utf8').toString('base64') });

describe('choosing files that are not what they seem', () => {
  it('refuses a symlink, a FIFO and a folder with their own reasons, and reads the real file', async () => {
    const good = await write('good.gatekey.json', keyFileText(keyFile('a1a1a1a1a1a1', 'good')));
    await symlink(good, join(folder, 'link.gatekey.json'));
    execFileSync('mkfifo', [join(folder, 'pipe.gatekey.json')]);
    await mkdir(join(folder, 'folder.gatekey.json'));
    provider.desktop.openPaths = [good, ...['link', 'pipe', 'folder'].map((name) => join(folder, `${name}.gatekey.json`))];

    const chosen = data(await provider.api.keyFiles.choose({}));
    expect(chosen.candidates.map((c) => c.source)).toEqual(['good.gatekey.json']);
    expect(chosen.refused).toEqual([
      { source: 'link.gatekey.json', reason: expect.stringMatching(/symbolic link/) },
      { source: 'pipe.gatekey.json', reason: expect.stringMatching(/pipe \(FIFO\)/) },
      { source: 'folder.gatekey.json', reason: 'It is a folder, not a file.' },
    ]);
  }, 60_000);

  it('previews the first 200 of 202 chosen files and gives each of the rest a reason, unread', async () => {
    const paths: string[] = [];
    for (let n = 0; n < 201; n += 1) paths.push(await write(`k${n}.gatekey.json`, keyFileText(keyFile(n.toString(16).padStart(12, '0'), `key ${n}`))));
    // The last one would hang a blocking read: being past the limit, it is never opened.
    execFileSync('mkfifo', [join(folder, 'k201.gatekey.json')]);
    provider.desktop.openPaths = [...paths, join(folder, 'k201.gatekey.json')];

    const chosen = data(await provider.api.keyFiles.choose({}));
    expect(chosen.candidates).toHaveLength(200);
    expect(chosen.refused).toEqual(['k200.gatekey.json', 'k201.gatekey.json'].map((source) => ({ source, reason: 'Only 200 items can be imported at once; import the rest separately.' })));
    const preview = data(await provider.api.keyFiles.previewImport({ candidates: chosen.candidates }));
    expect(preview.filter((entry) => entry.status === 'new')).toHaveLength(200);
  }, 120_000);
});

describe('key files built to break the parser', () => {
  it('gives a deeply nested file, a repeated field and a lone surrogate their own reasons; the rest of the batch imports', async () => {
    const nested = `{"format":"gatekey.apikey","extra":${'['.repeat(6000)}${']'.repeat(6000)}}`;
    expect(nested.length).toBeGreaterThan(12_000);
    const good = keyFile('a1a1a1a1a1a1', 'good');
    const other = keyFile('b2b2b2b2b2b2', 'other');
    // What a reader sees first is the good APIKey; JSON.parse alone would keep the second.
    const twice = keyFileText(good).replace('"apiKey":', `"api\\u004bey": "${other.apiKey}",\n  "apiKey":`);
    // JSON.stringify writes the lone half as an escape, as a hand-made file would.
    const surrogate = keyFileText(sealed(keyFile('c3c3c3c3c3c3', 'x'), { name: 'pay\uD800' }));
    expect(surrogate).toContain('"pay\\ud800"');

    const summary = data(
      await provider.api.keyFiles.import({
        candidates: [asCandidate('nested', nested), asCandidate('twice', twice), asCandidate('surrogate', surrogate), asCandidate('good', keyFileText(good))],
      }),
    );
    expect(summary.rejected).toEqual([
      { source: 'nested', reason: expect.stringMatching(/nested too deep/) },
      { source: 'twice', reason: expect.stringMatching(/names the field "apiKey" twice/) },
      { source: 'surrogate', reason: expect.stringMatching(/"name" contains a broken character/) },
    ]);
    expect(summary.created.map((c) => c.apiKey)).toEqual([good.apiKey]);
  }, 60_000);

  it('cuts a long description between graphemes, never inside a surrogate pair or before an accent', async () => {
    // Descriptions of the full 256; "a: " + 252 letters puts the limit inside the character that follows.
    const pair = sealed(keyFile('d4d4d4d4d4d4', 'a'), { description: `${'x'.repeat(252)}💳ab` });
    const accent = sealed(keyFile('e5e5e5e5e5e5', 'a'), { description: `${'y'.repeat(252)}e\u0301ab` });
    const summary = data(await provider.api.keyFiles.import({ candidates: [asCandidate('pair', keyFileText(pair)), asCandidate('accent', keyFileText(accent))] }));
    expect(summary.created).toHaveLength(2);
    const descriptions = data(await everyAuthorization(provider.api)).map((a) => a.description);
    expect(descriptions).toEqual(expect.arrayContaining([`a: ${'x'.repeat(252)}`, `a: ${'y'.repeat(252)}`]));
    // Never half a surrogate pair (a lone half is its own code point under the u flag).
    expect(descriptions.filter((text) => /\p{Cs}/u.test(text))).toEqual([]);
  }, 60_000);
});

describe('handoff text wrapped by chat or e-mail', () => {
  it('imports in main when quoted, indented and broken over CRLF lines', async () => {
    const line = handoffText(keyFile('f6f6f6f6f6f6', 'wrapped'));
    const quoted = `> ${line.slice(0, 50)}\r\n>   ${line.slice(50, 120)}\r\n> > ${line.slice(120)}\r\n`;
    const summary = data(await provider.api.keyFiles.import({ candidates: [{ source: 'mail', kind: 'handoff', text: quoted }] }));
    expect(summary).toMatchObject({ created: [{ source: 'mail' }], rejected: [] });
  }, 60_000);
});
