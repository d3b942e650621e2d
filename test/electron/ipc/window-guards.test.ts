import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import keytar from 'keytar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SECRET_ACCESS_LOG_FILE } from '../../../electron/core/window-guards/secret-access-log';
import { signTestRequest, type SignedRequest } from '../../../electron/core/signing/request';
import { SIGNATURE_ON_SEND } from '../../../electron/shared/test-call/signature-on-send';
import type { AccessKeySummary } from '../../../electron/shared/access-keys/types';
import { startTestBackend, type TestBackend } from '../../support/test-backend';
import { everyAccessKey } from '../../support/every-record';

/*
 * A compromised window: a script calls window.api directly, skipping every
 * dialog of the page. Each call here goes through the real dispatch, real
 * store on disk and the real keychain (private Secret Service); only the
 * native message box is replaced by RecordingDesktop's recorder (Electron's
 * dialog needs the Electron binary), answering as the test scripts the user.
 */

const SLOW = 60_000;
let backend: TestBackend;
let clock: number;

beforeEach(async () => {
  clock = Date.parse('2026-12-02T10:00:00Z');
  backend = await startTestBackend({ now: () => clock });
}, SLOW);
afterEach(() => backend.cleanup(), SLOW);

async function createKey(name = 'payments'): Promise<AccessKeySummary> {
  const result = await backend.api.accessKeys.create({ name, description: '' });
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}
const keychainHas = async (account: string) => (await keytar.getPassword(backend.service, account)) !== null;
const cancel = () => {
  backend.desktop.answer = () => false;
};

describe('destroying a secret needs main’s own confirmation', () => {
  it('deleteAccessKey from a script: Cancel in the native box keeps the key and its secret; Delete deletes', async () => {
    const key = await createKey();
    cancel();
    expect(await backend.api.accessKeys.delete({ id: key.id })).toMatchObject({ ok: false, error: { code: 'NOT_CONFIRMED' } });
    expect(backend.desktop.confirmations).toHaveLength(1);
    const [question] = backend.desktop.confirmations;
    expect(question!.message).toBe(`Delete the access key ${key.id}?`);
    expect(question!.detail).toContain(key.id);
    expect(question!.detail).toContain('Name (as currently set): "payments"');
    expect(question!.confirmLabel).toBe('Delete');
    expect((await everyAccessKey(backend.api)).ok && (await backend.api.accessKeys.get({ id: key.id })).ok).toBe(true);
    expect(await keychainHas(key.id)).toBe(true);

    backend.desktop.answer = () => true;
    expect(await backend.api.accessKeys.delete({ id: key.id })).toMatchObject({ ok: true });
    expect(await backend.api.accessKeys.get({ id: key.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await keychainHas(key.id)).toBe(false);
  }, SLOW);

  it('names the key by what the page cannot change: ID, creation date and APIKey fingerprint before the (renamable) name', async () => {
    const key = await createKey('production');
    // A script renames the production key to something harmless-looking, then asks to delete it.
    expect(await backend.api.accessKeys.update({ id: key.id, name: 'old-unused', description: '' })).toMatchObject({ ok: true });
    cancel();
    await backend.api.accessKeys.delete({ id: key.id });
    const [question] = backend.desktop.confirmations;
    expect(question!.message).toBe(`Delete the access key ${key.id}?`);
    expect(question!.message).not.toContain('old-unused');
    const created = `${key.createdAt.slice(0, 10)} ${key.createdAt.slice(11, 16)} UTC`;
    expect(question!.detail.split('\n').slice(0, 4)).toEqual([
      `Access Key ID: ${key.id}`,
      `Created: ${created}`,
      `APIKey fingerprint: ${key.fingerprint} (APIKey ${key.apiKey})`,
      'Name (as currently set): "old-unused"',
    ]);
    expect(await keychainHas(key.id)).toBe(true);
  }, SLOW);

  it('asks before touching the keychain: the question is open while the secret is still there', async () => {
    const key = await createKey();
    let presentWhileAsked: boolean | undefined;
    backend.desktop.answer = async () => {
      presentWhileAsked = await keychainHas(key.id);
      return false;
    };
    await backend.api.accessKeys.delete({ id: key.id });
    expect(presentWhileAsked).toBe(true);
  }, SLOW);

  it('a burst of deletes gets one question at a time; the rest are refused without asking', async () => {
    const keys = await Promise.all(['a1', 'a2', 'a3'].map((name) => createKey(name)));
    let release: (answer: boolean) => void = () => undefined;
    backend.desktop.answer = () => new Promise<boolean>((resolve) => (release = resolve));
    const first = backend.api.accessKeys.delete({ id: keys[0]!.id });
    await expect.poll(() => backend.desktop.confirmations.length, { timeout: SLOW }).toBe(1);
    const others = await Promise.all(keys.slice(1).map((key) => backend.api.accessKeys.delete({ id: key.id })));
    for (const result of others) expect(result).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    release(false);
    expect(await first).toMatchObject({ ok: false, error: { code: 'NOT_CONFIRMED' } });
    expect(backend.desktop.confirmations).toHaveLength(1);
    for (const key of keys) expect(await keychainHas(key.id)).toBe(true);
  }, SLOW);

  it('deleteOrphanSecret: Cancel keeps the keychain entry, Delete removes it', async () => {
    const account = 'b0b0b0b0b0b0';
    await keytar.setPassword(backend.service, account, 'orphan-secret-value');
    cancel();
    expect(await backend.api.keychain.deleteOrphan({ account })).toMatchObject({ ok: false, error: { code: 'NOT_CONFIRMED' } });
    expect(backend.desktop.confirmations[0]!.message).toContain(account);
    expect(await keychainHas(account)).toBe(true);
    backend.desktop.answer = () => true;
    expect(await backend.api.keychain.deleteOrphan({ account })).toMatchObject({ ok: true });
    expect(await keychainHas(account)).toBe(false);
  }, SLOW);

  it('restoreAccessKeySecret (re-enter a secret): Cancel writes nothing to the keychain', async () => {
    const key = await createKey();
    await keytar.deletePassword(backend.service, key.id);
    cancel();
    expect(await backend.api.keychain.restoreSecret({ id: key.id, secret: 'E'.repeat(32) })).toMatchObject({ ok: false, error: { code: 'NOT_CONFIRMED' } });
    expect(backend.desktop.confirmations[0]).toMatchObject({ message: `Store a new APISecret for the access key ${key.id}?`, detail: expect.stringContaining('Name (as currently set): "payments"') });
    expect(await keychainHas(key.id)).toBe(false);
    backend.desktop.answer = () => true;
    expect(await backend.api.keychain.restoreSecret({ id: key.id, secret: 'E'.repeat(32) })).toMatchObject({ ok: true });
    expect(await keytar.getPassword(backend.service, key.id)).toBe('E'.repeat(32));
  }, SLOW);

  it('adoptOrphanSecret: Cancel makes no record', async () => {
    const account = 'c0c0c0c0c0c0';
    await keytar.setPassword(backend.service, account, 'orphan-secret-value');
    cancel();
    const input = { account, apiKey: 'D'.repeat(32), name: 'adopted', description: '' };
    expect(await backend.api.keychain.adoptOrphan(input)).toMatchObject({ ok: false, error: { code: 'NOT_CONFIRMED' } });
    expect(backend.desktop.confirmations[0]!.message).toContain(account);
    expect(await backend.api.accessKeys.get({ id: account })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    backend.desktop.answer = () => true;
    expect(await backend.api.keychain.adoptOrphan(input)).toMatchObject({ ok: true, data: { id: account, name: 'adopted' } });
  }, SLOW);

  it('asks nothing for a key that does not exist', async () => {
    expect(await backend.api.accessKeys.delete({ id: 'a280dc988b22' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(backend.desktop.confirmations).toHaveLength(0);
  }, SLOW);
});

describe('revealing and copying a secret is limited and recorded in main', () => {
  const logLines = async () =>
    (await readFile(join(backend.dataDir, SECRET_ACCESS_LOG_FILE), 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, string>);

  it('300 reveals at once: at most 5 succeed, the rest are RATE_LIMITED with when to retry', async () => {
    const key = await createKey();
    const results = await Promise.all(Array.from({ length: 300 }, () => backend.api.accessKeys.revealSecret({ id: key.id })));
    expect(results.filter((result) => result.ok)).toHaveLength(5);
    const refused = results.filter((result) => !result.ok);
    expect(refused).toHaveLength(295);
    for (const result of refused) expect(result).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringMatching(/Try again in 60 s\./) } });
  }, SLOW);

  it('the budget slides: a minute after the first reveals, there is room again, and not before', async () => {
    const key = await createKey();
    for (let i = 0; i < 5; i += 1) {
      expect(await backend.api.accessKeys.revealSecret({ id: key.id })).toMatchObject({ ok: true });
      clock += 10_000;
    }
    expect(await backend.api.accessKeys.revealSecret({ id: key.id })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringContaining('Try again in 10 s') } });
    clock += 10_000; // the first reveal is now a minute old
    expect(await backend.api.accessKeys.revealSecret({ id: key.id })).toMatchObject({ ok: true });
    expect(await backend.api.accessKeys.revealSecret({ id: key.id })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  }, SLOW);

  it('show and copy share one budget', async () => {
    const key = await createKey();
    const calls = [() => backend.api.accessKeys.copySecret({ id: key.id }), () => backend.api.accessKeys.revealSecret({ id: key.id })];
    const results = [];
    for (let i = 0; i < 8; i += 1) results.push(await calls[i % 2]!());
    expect(results.map((result) => result.ok)).toEqual([true, true, true, true, true, false, false, false]);
    // The APIKey and the ID are not secrets: they are not counted.
    expect(await backend.api.accessKeys.copyApiKey({ id: key.id })).toMatchObject({ ok: true });
  }, SLOW);

  it('handoff text carries no secret: copying it never uses the APISecret budget', async () => {
    const key = await createKey();
    for (let i = 0; i < 10; i += 1) expect(await backend.api.keyFiles.copyHandoffText({ id: key.id })).toMatchObject({ ok: true });
    for (let i = 0; i < 5; i += 1) expect(await backend.api.accessKeys.revealSecret({ id: key.id })).toMatchObject({ ok: true });
  }, SLOW);

  it('records every reveal and copy in secret-access.log (0600), refusals too, never the secret', async () => {
    const key = await createKey();
    const secret = (await keytar.getPassword(backend.service, key.id))!;
    await Promise.all(Array.from({ length: 300 }, () => backend.api.accessKeys.revealSecret({ id: key.id })));
    await backend.api.accessKeys.copySecret({ id: key.id });

    const file = join(backend.dataDir, SECRET_ACCESS_LOG_FILE);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    // One line per reveal that went ahead; the refusals of this minute in one "refused ×N since T" line, written a minute on.
    clock += 60_000;
    await backend.api.accessKeys.revealSecret({ id: key.id });
    const lines = await logLines();
    expect(lines.filter((line) => line.outcome === 'done')).toHaveLength(6);
    expect(lines.find((line) => line.outcome === 'done')).toEqual({ time: '2026-12-02T10:00:00.000Z', action: 'reveal', keyId: key.id, name: 'payments', outcome: 'done' });
    const refused = lines.filter((line) => line.outcome === 'refused: RATE_LIMITED') as unknown as Array<{ count: number; since: string; actions: string[]; keyIds: string[] }>;
    expect(refused.reduce((total, line) => total + line.count, 0)).toBe(296);
    expect(refused.length).toBeLessThanOrEqual(2);
    expect(refused.at(-1)).toMatchObject({ since: '2026-12-02T10:00:00.000Z', actions: expect.arrayContaining(['reveal', 'copy']), keyIds: [key.id] });

    const text = await readFile(file, 'utf8');
    for (let at = 0; at + 6 <= secret.length; at += 1) expect(text, 'a 6-character run of the secret').not.toContain(secret.slice(at, at + 6));
  }, SLOW);

  it('5,000 hostile reveals cannot wipe the log: the real reveals stay, the file stays small', async () => {
    const key = await createKey();
    const results = await Promise.all(Array.from({ length: 5_000 }, () => backend.api.accessKeys.revealSecret({ id: key.id })));
    expect(results.filter((result) => result.ok)).toHaveLength(5);
    // A script keeps going minute after minute (each minute's 5 reveals go ahead, as they would for a person).
    for (let minute = 1; minute <= 20; minute += 1) {
      clock += 60_000;
      await Promise.all(Array.from({ length: 250 }, () => backend.api.accessKeys.revealSecret({ id: key.id })));
    }
    clock += 60_000;
    await backend.api.accessKeys.revealSecret({ id: key.id });
    const file = join(backend.dataDir, SECRET_ACCESS_LOG_FILE);
    const lines = await logLines();
    const firstMinute = lines.filter((line) => line.outcome === 'done' && line.time === '2026-12-02T10:00:00.000Z');
    expect(firstMinute).toHaveLength(5);
    expect((await stat(file)).size).toBeLessThan(32 * 1024);
    await expect(stat(`${file}.1`)).rejects.toMatchObject({ code: 'ENOENT' });
    const refused = lines.filter((line) => line.outcome === 'refused: RATE_LIMITED') as unknown as Array<{ count: number }>;
    expect(refused.reduce((total, line) => total + line.count, 0)).toBe(4_995 + 20 * 245);
  }, SLOW);

  it('records a failed reveal with its error code', async () => {
    const key = await createKey();
    await keytar.deletePassword(backend.service, key.id);
    expect(await backend.api.accessKeys.revealSecret({ id: key.id })).toMatchObject({ ok: false, error: { code: 'SECRET_MISSING' } });
    expect(await logLines()).toEqual([expect.objectContaining({ action: 'reveal', keyId: key.id, outcome: 'failed: SECRET_MISSING' })]);
  }, SLOW);
});

describe('Test Call sends only what the user started', () => {
  let server: Server;
  let hits: number;
  let origin: string;
  beforeEach(async () => {
    hits = 0;
    server = createServer((_request, response) => {
      hits += 1;
      response.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const sendInput = (accessKeyId: string, url = `${origin}/v1/items`) => ({
    credentials: { kind: 'stored' as const, accessKeyId },
    algorithm: 'JDCLOUD2' as const,
    method: 'GET',
    url,
    headers: [],
    body: '',
    region: 'cn-north-1',
    service: 'items',
  });

  it('sends at once when the user just clicked or pressed a key', async () => {
    const key = await createKey();
    expect(await backend.api.testCall.send(sendInput(key.id))).toMatchObject({ ok: true, data: { response: { status: 200 } } });
    expect(hits).toBe(1);
    expect(backend.desktop.confirmations).toHaveLength(0);
  }, SLOW);

  it('a hostile burst without a click: one native question at a time, nothing sent when the user says no', async () => {
    const key = await createKey();
    backend.desktop.userActive = false;
    cancel();
    const burst = await Promise.all(Array.from({ length: 50 }, () => backend.api.testCall.send(sendInput(key.id))));
    expect(burst.every((result) => !result.ok)).toBe(true);
    const codes = burst.map((result) => (result.ok ? 'ok' : result.error.code));
    expect(codes.filter((code) => code === 'NOT_CONFIRMED')).toHaveLength(1);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(49);
    expect(backend.desktop.confirmations).toHaveLength(1);
    expect(backend.desktop.confirmations[0]).toMatchObject({ confirmLabel: 'Send', detail: expect.stringContaining(`GET ${origin}/v1/items`) });
    expect(backend.desktop.confirmations[0]!.detail).toContain(`"payments" (ID ${key.id})`);
    expect(hits).toBe(0);
  }, SLOW);

  it('one after another without a click: every send is asked, and the question counts them', async () => {
    const key = await createKey();
    backend.desktop.userActive = false;
    cancel();
    for (let i = 0; i < 5; i += 1) expect(await backend.api.testCall.send(sendInput(key.id))).toMatchObject({ ok: false, error: { code: 'NOT_CONFIRMED' } });
    expect(backend.desktop.confirmations.map((question) => question.message)).toEqual([
      'Send a test call that you did not start?',
      ...[2, 3, 4, 5].map((n) => `The Gatekey window asks to send ${n} requests without a click. Send this one?`),
    ]);
    expect(hits).toBe(0);
    backend.desktop.answer = () => true;
    expect(await backend.api.testCall.send(sendInput(key.id))).toMatchObject({ ok: true });
    expect(hits).toBe(1);
  }, SLOW);

  /** The signature the stored secret gives this request, with the date and nonce it was made with. */
  async function realSignatureOf(request: SignedRequest, { id, apiKey }: AccessKeySummary): Promise<string> {
    const header = (name: string) => request.headers.find(([n]) => n.toLowerCase() === name)![1];
    const secret = (await keytar.getPassword(backend.service, id))!;
    return signTestRequest({ method: request.method, url: request.url, headers: [], body: request.body }, { apiKey, secret }, {
      algorithm: 'JDCLOUD2', region: request.region, service: request.service, date: header('x-jdcloud-date'), nonce: header('x-jdcloud-nonce'),
    }).signature;
  }

  it('a looped preview of a stored key yields no signature: only Send (guarded) signs with the stored secret', async () => {
    const key = await createKey();
    backend.desktop.userActive = false;
    cancel();
    const previews = await Promise.all(Array.from({ length: 50 }, () => backend.api.testCall.preview(sendInput(key.id))));
    for (const preview of previews) {
      if (!preview.ok) throw new Error(preview.error.message);
      const request = preview.data;
      const authorization = request.headers.find(([name]) => name === 'Authorization')![1];
      expect(authorization).toMatch(new RegExp(`^JDCLOUD2-HMAC-SHA256 Credential=${key.apiKey}/\\d{8}/cn-north-1/items/jdcloud2_request, SignedHeaders=host;x-jdcloud-date;x-jdcloud-nonce, Signature=<computed when sent>$`));
      expect(request.signature).toBe(SIGNATURE_ON_SEND);
      expect(request.curl).toContain('Signature=<computed when sent>');
      const real = await realSignatureOf(request, key);
      expect(JSON.stringify(request)).not.toContain(real);
    }
    // Previews ask nothing and send nothing; the canonical request and string to sign are what Send signs.
    expect(backend.desktop.confirmations).toHaveLength(0);
    expect(hits).toBe(0);

    backend.desktop.userActive = true;
    const sent = await backend.api.testCall.send(sendInput(key.id));
    if (!sent.ok) throw new Error(sent.error.message);
    expect(sent.data.request.signature).toBe(await realSignatureOf(sent.data.request, key));
    expect(sent.data.request.curl).toContain(`Signature=${sent.data.request.signature}`);
    expect(hits).toBe(1);
  }, SLOW);

  it('only http: and https: are ever sent, and nothing is asked for other schemes', async () => {
    const key = await createKey();
    backend.desktop.userActive = false;
    for (const url of ['file:///etc/passwd', 'ftp://127.0.0.1/x', 'data:text/plain,hi', 'gatekey://x', 'javascript:alert(1)']) {
      expect(await backend.api.testCall.send(sendInput(key.id, url)), url).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/http:\/\/ and https:\/\//) } });
    }
    expect(backend.desktop.confirmations).toHaveLength(0);
    expect(hits).toBe(0);
  }, SLOW);
});
