import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import keytar from 'keytar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORE_FILE_NAME } from '../../../../electron/ipc/backend';
import type { Result } from '../../../../electron/ipc/result';
import { startTestBackend, type TestBackend } from '../../../support/test-backend';
import { everyAuthorization } from '../../../support/every-record';
import { storeFilesText } from '../../../support/store-files';

// Two people, two data folders, the real handlers on both sides.
let caller: TestBackend;
let provider: TestBackend;
let outDir: string;

beforeEach(async () => {
  caller = await startTestBackend();
  provider = await startTestBackend();
  outDir = await mkdtemp(join(tmpdir(), 'gatekey-handoff-'));
});
afterEach(async () => {
  await caller.cleanup();
  await provider.cleanup();
  await rm(outDir, { recursive: true, force: true });
});

function data<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

/** Every run of 6 characters of the secret: no part of it may appear. */
const partsOf = (secret: string) => Array.from({ length: secret.length - 5 }, (_, i) => secret.slice(i, i + 6));

describe('exporting an APIKey and importing it on the other side', () => {
  it('round-trips through a key file without any part of the secret', async () => {
    const key = data(await caller.api.accessKeys.create({ name: 'payments', description: 'for <b>partners</b>' }));
    const secret = (await keytar.getPassword(caller.service, key.id))!;
    caller.desktop.savePath = join(outDir, 'payments.gatekey.json');

    const exported = data(await caller.api.keyFiles.export({ id: key.id }));
    expect(exported).toEqual({ saved: true, path: caller.desktop.savePath, fingerprint: key.fingerprint });
    const bytes = await readFile(caller.desktop.savePath);
    for (const part of partsOf(secret)) expect(bytes.includes(part)).toBe(false);
    expect(JSON.parse(bytes.toString())).toMatchObject({ format: 'gatekey.apikey', version: 1, accessKeyId: key.id, apiKey: key.apiKey, name: 'payments' });

    provider.desktop.openPaths = [caller.desktop.savePath];
    const chosen = data(await provider.api.keyFiles.choose({}));
    expect(chosen.refused).toEqual([]);
    const preview = data(await provider.api.keyFiles.previewImport({ candidates: chosen.candidates }));
    expect(preview).toEqual([{ source: 'payments.gatekey.json', status: 'new', key: expect.objectContaining({ apiKey: key.apiKey, fingerprint: key.fingerprint }) }]);
    await expect(stat(join(provider.dataDir, STORE_FILE_NAME))).rejects.toMatchObject({ code: 'ENOENT' }); // preview writes nothing

    const summary = data(await provider.api.keyFiles.import({ candidates: chosen.candidates }));
    expect(summary.created).toEqual([{ source: 'payments.gatekey.json', authorizationId: expect.any(String), apiKey: key.apiKey, fingerprint: key.fingerprint }]);
    const [authorization] = data(await everyAuthorization(provider.api));
    expect(authorization).toMatchObject({ callerKey: key.apiKey, callerKeyKind: 'apiKey', description: 'payments: for <b>partners</b>', fingerprint: key.fingerprint });

    // A second import skips it, pointing at the existing authorization, and changes nothing.
    const before = await storeFilesText(join(provider.dataDir, STORE_FILE_NAME));
    const again = data(await provider.api.keyFiles.import({ candidates: chosen.candidates }));
    expect(again).toEqual({ created: [], alreadyAuthorized: [{ source: 'payments.gatekey.json', existingId: authorization!.id, apiKey: key.apiKey }], rejected: [] });
    expect(await storeFilesText(join(provider.dataDir, STORE_FILE_NAME))).toBe(before);
  });

  it('round-trips through handoff text on the clipboard', async () => {
    const key = data(await caller.api.accessKeys.create({ name: 'orders', description: '' }));
    const secret = (await keytar.getPassword(caller.service, key.id))!;
    expect(data(await caller.api.keyFiles.copyHandoffText({ id: key.id }))).toEqual({ fingerprint: key.fingerprint });
    const line = caller.clipboard.text;
    expect(line).toMatch(/^gatekey-apikey:[A-Za-z0-9_-]+$/);
    for (const part of partsOf(secret)) expect(Buffer.from(line.slice('gatekey-apikey:'.length), 'base64url').includes(part)).toBe(false);

    const summary = data(await provider.api.keyFiles.import({ candidates: [{ source: 'pasted text', kind: 'handoff', text: line }] }));
    expect(summary.created).toHaveLength(1);
  });

  it('imports several files at once and reports each one', async () => {
    const one = data(await caller.api.accessKeys.create({ name: 'one', description: '' }));
    const two = data(await caller.api.accessKeys.create({ name: 'two', description: '' }));
    const paths: string[] = [];
    for (const key of [one, two, one]) {
      caller.desktop.savePath = join(outDir, `${paths.length}.gatekey.json`);
      data(await caller.api.keyFiles.export({ id: key.id }));
      paths.push(caller.desktop.savePath);
    }
    await writeFile(join(outDir, 'broken.gatekey.json'), '{"format":');
    await writeFile(join(outDir, 'huge.gatekey.json'), ' '.repeat(65 * 1024));
    data(await provider.api.authorizations.create({ callerKey: two.apiKey, description: 'already there' }));
    provider.desktop.openPaths = [...paths, join(outDir, 'broken.gatekey.json'), join(outDir, 'huge.gatekey.json')];

    const chosen = data(await provider.api.keyFiles.choose({}));
    expect(chosen.refused).toEqual([{ source: 'huge.gatekey.json', reason: expect.stringMatching(/larger than 64 KiB/) }]);
    const preview = data(await provider.api.keyFiles.previewImport({ candidates: chosen.candidates }));
    expect(preview.map((entry) => entry.status)).toEqual(['new', 'alreadyAuthorized', 'duplicate', 'rejected']);
    const summary = data(await provider.api.keyFiles.import({ candidates: chosen.candidates }));
    expect(summary.created.map((c) => c.apiKey)).toEqual([one.apiKey]);
    expect(summary.alreadyAuthorized.map((c) => c.apiKey)).toEqual([two.apiKey]);
    expect(summary.rejected.map((r) => r.source)).toEqual(['2.gatekey.json', 'broken.gatekey.json']);
  });

  it('does nothing when the save dialog is cancelled', async () => {
    const key = data(await caller.api.accessKeys.create({ name: 'payments', description: '' }));
    caller.desktop.savePath = null;
    expect(await caller.api.keyFiles.export({ id: key.id })).toEqual({ ok: true, data: { saved: false } });
  });
});
