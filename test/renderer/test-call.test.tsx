import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import keytar from 'keytar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccessKeySummary } from '../../electron/shared/access-keys/types';
import type { TestBackend } from '../support/test-backend';
import { startVerifyingGateway, type VerifyingGateway } from '../support/verifying-gateway';
import { connectBackend, disconnect, heldByTheWindow } from './helpers';
import { seedGroup, startApp, unwrap } from './provider-helpers';

// The Test Call screen against the real handlers: previews signed by the real signer,
// sends made by the real sender to a local gateway that verifies signatures itself.

let backend: TestBackend;
let gateway: VerifyingGateway | undefined;
let key: AccessKeySummary;
let secret: string;

const GROUP_HOST_URL = 'https://xv3xbwah945y.cn-north-1.jdcloud-api.net/v1/items?x=1';
const SLOW = { timeout: 20_000 };

beforeEach(async () => {
  backend = await connectBackend();
  key = unwrap(await backend.api.accessKeys.create({ name: 'orders-robot', description: '' }));
  secret = (await keytar.getPassword(backend.service, key.id))!;
  expect(secret).toBeTruthy();
});
afterEach(async () => {
  await disconnect(backend);
  await gateway?.close().catch(() => {});
  gateway = undefined;
});

async function openTestCall() {
  const view = await startApp();
  await view.user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'Test Call' }));
  await screen.findByRole('heading', { level: 1, name: 'Test Call' });
  return view;
}

const field = (name: string) => screen.getByRole('textbox', { name });
const select = (name: string) => screen.getByRole('combobox', { name });

async function fill(user: UserEvent, name: string, value: string) {
  const input = field(name);
  await user.clear(input);
  // userEvent reads braces and brackets as key names; paste the text instead.
  await user.click(input);
  await user.paste(value);
}

/** Picks the stored key and points the form at the local gateway (an IP host names no region or service). */
async function aimAtGateway(user: UserEvent, path = '/v1/items?x=1') {
  gateway ??= await startVerifyingGateway(new Map([[key.apiKey, secret]]));
  await user.selectOptions(select('Access key'), 'orders-robot');
  await fill(user, 'URL', `${gateway.origin}${path}`);
  await fill(user, 'Region', 'cn-north-1');
  await fill(user, 'Service', 'gatekeytest');
}

/** A plain local server (no signature check) answering every request with `answer`; closed after the test. */
let plain: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (plain ? plain.close(() => resolve()) : resolve())).then(() => (plain = undefined)));
async function startPlainServer(answer: Parameters<typeof createServer>[1]): Promise<string> {
  plain = createServer(answer);
  await new Promise<void>((resolve) => plain!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
}

const preview = (title: string) => screen.findByRole('region', { name: title }, SLOW);
/** The text of a titled code block (canonical request, string to sign, body), without its title. */
const code = (region: HTMLElement) => region.querySelector('pre')!.textContent;
const responseStatus = () => screen.findByText(/^\d{3} /, { selector: '.response-status-code' }, SLOW);

/** Everything the page shows as text or holds in a field other than the manual APISecret input. */
function visibleText(): string {
  const fields = [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')].filter((el) => el.type !== 'password');
  return [document.body.textContent ?? '', ...fields.map((el) => el.value)].join('\n');
}

// Each test waits for real signing (keychain) and sometimes a real request: more than the default 5 s on a busy machine.
describe('Test Call', () => {
  it('is in the left menu after API Groups', async () => {
    await startApp();
    const items = within(screen.getByRole('navigation', { name: 'Main' })).getAllByRole('button').map((b) => b.textContent);
    expect(items[items.indexOf('API Groups') + 1]).toBe('Test Call');
  });

  it('previews the canonical request, string to sign, headers and curl without the secret', async () => {
    const { user } = await openTestCall();
    expect(screen.getByText(/Choose an access key and enter the URL to see the canonical request/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement).disabled).toBe(true);

    await user.selectOptions(select('Access key'), 'orders-robot');
    await fill(user, 'URL', GROUP_HOST_URL);
    // The host names service and region; the override fields say so.
    expect(field('Region').getAttribute('placeholder')).toBe('cn-north-1');
    expect(field('Service').getAttribute('placeholder')).toBe('xv3xbwah945y');
    await user.click(screen.getByRole('button', { name: 'Add header' }));
    await user.type(field('Header 1 name'), 'X-Trace');
    await user.type(field('Header 1 value'), 'abc');

    const canonical = await preview('Canonical request');
    await waitFor(() => expect(code(canonical)).toContain('x-trace:abc'), SLOW);
    expect(code(canonical)).toMatch(/^GET\n\/v1\/items\nx=1\nhost:xv3xbwah945y\.cn-north-1\.jdcloud-api\.net\n/);
    expect(code(canonical)).toContain('host;x-jdcloud-date;x-jdcloud-nonce;x-trace');
    const stringToSign = await preview('String to sign');
    expect(code(stringToSign)).toMatch(/^JDCLOUD2-HMAC-SHA256\n\d{8}T\d{6}Z\n\d{8}\/cn-north-1\/xv3xbwah945y\/jdcloud2_request\n[0-9a-f]{64}$/);
    const headers = within(await preview('Headers to send')).getAllByRole('row').map((row) => row.textContent);
    expect(headers).toEqual(expect.arrayContaining(['X-Traceabc', 'hostxv3xbwah945y.cn-north-1.jdcloud-api.net', expect.stringMatching(/^AuthorizationJDCLOUD2-HMAC-SHA256 Credential=/)]));
    // A stored key's APISecret signs only on Send: the preview's signature is a visible placeholder.
    expect(headers.find((row) => row?.startsWith('Authorization'))).toMatch(/, Signature=<computed when sent>$/);
    expect(screen.getByText(/^Prepared \d{4}-\d{2}-\d{2} .* when you press Send/)).toBeTruthy();

    const curl = field('curl command') as HTMLTextAreaElement;
    expect(curl.readOnly).toBe(true);
    expect(curl.value).toContain(`curl -sS -X GET '${GROUP_HOST_URL}'`);
    expect(curl.value).toContain(`Credential=${key.apiKey}/`);
    expect(curl.value).toContain('Signature=<computed when sent>');
    expect(screen.getByText(/The signature is added when you press Send/)).toBeTruthy();
    expect(screen.getByText('Select and copy (Ctrl+C)')).toBeTruthy();
    curl.focus();
    expect([curl.selectionStart, curl.selectionEnd]).toEqual([0, curl.value.length]);

    expect(visibleText()).not.toContain(secret);
    expect(heldByTheWindow()).not.toContain(secret);
  });

  it('switches to JDCLOUD3 and to a query row merged into the URL', async () => {
    const { user } = await openTestCall();
    await user.selectOptions(select('Access key'), 'orders-robot');
    await fill(user, 'URL', 'https://xv3xbwah945y.cn-north-1.jdcloud-api.net/v1/items');
    await user.selectOptions(select('Algorithm'), 'JDCLOUD3');
    await user.click(screen.getByRole('button', { name: 'Add query parameter' }));
    await user.type(field('Query parameter 1 name'), 'page');
    await user.type(field('Query parameter 1 value'), '2 of 3');
    const stringToSign = await preview('String to sign');
    await waitFor(() => expect(code(stringToSign)).toMatch(/^JDCLOUD3-HMAC-SHA256\n/), SLOW);
    const canonical = await preview('Canonical request');
    await waitFor(() => expect(code(canonical)).toMatch(/^GET\n\/v1\/items\npage=2%20of%203\n/), SLOW);
    expect((field('curl command') as HTMLTextAreaElement).value).toContain("'https://xv3xbwah945y.cn-north-1.jdcloud-api.net/v1/items?page=2%20of%203'");
  });

  it('sends, gets 200 and pretty-prints the JSON body', async () => {
    const { user } = await openTestCall();
    await aimAtGateway(user);
    await user.selectOptions(select('Method'), 'POST');
    await fill(user, 'Body', '{"order":42}');
    await preview('Canonical request');
    await user.click(screen.getByRole('button', { name: 'Send' }));

    expect((await responseStatus()).textContent).toBe('200 OK');
    expect(screen.getByRole('tab', { name: 'Response' }).getAttribute('aria-selected')).toBe('true');
    const body = screen.getByRole('region', { name: 'Response body' });
    expect(body.textContent).toContain('{\n  "verified": true,\n  "method": "POST",\n  "path": "/v1/items?x=1",\n  "body": "{\\"order\\":42}"\n}');
    expect(within(body).getByText('JSON, pretty-printed')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Response headers' })).getByText('application/json')).toBeTruthy();
    expect(screen.getByText(/^\d+ ms · \d+ B$/)).toBeTruthy();
    expect(gateway!.calls).toMatchObject([{ method: 'POST', verified: true, body: '{"order":42}' }]);
    // What was actually signed and sent, with the real signature, beside its answer.
    expect((field('curl command') as HTMLTextAreaElement).value).toMatch(/, Signature=[0-9a-f]{64}'/);
    // A success needs no diagnosis.
    expect(screen.queryByRole('region', { name: 'Canonical request sent' })).toBeNull();
    expect(visibleText()).not.toContain(secret);
  });

  it('sends with Ctrl+Enter', async () => {
    const { user } = await openTestCall();
    await aimAtGateway(user, '/v1/ping');
    await preview('Canonical request');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect((await responseStatus()).textContent).toBe('200 OK');
    expect(gateway!.calls).toMatchObject([{ method: 'GET', path: '/v1/ping', verified: true }]);
  });

  it('with a typed APIKey and a wrong APISecret gets 401 and keeps the canonical request in view', async () => {
    const { user } = await openTestCall();
    gateway = await startVerifyingGateway(new Map([[key.apiKey, secret]]));
    await user.selectOptions(select('Access key'), 'Enter an APIKey and APISecret…');
    await user.type(field('APIKey'), key.apiKey.toLowerCase());
    const wrong = 'not-the-real-secret-0123456789';
    await user.type(screen.getByLabelText('APISecret'), wrong);
    await fill(user, 'URL', `${gateway.origin}/v1/items?x=1`);
    await fill(user, 'Region', 'cn-north-1');
    await fill(user, 'Service', 'gatekeytest');
    await preview('Canonical request');
    await user.click(screen.getByRole('button', { name: 'Send' }));

    const status = await responseStatus();
    expect(status.textContent).toBe('401 Unauthorized');
    expect(status.closest('.response-status')!.className).toContain('response-status-error');
    const sent = screen.getByRole('region', { name: 'Canonical request sent' });
    expect(code(sent)).toMatch(/^GET\n\/v1\/items\nx=1\nhost:127\.0\.0\.1:\d+\n/);
    expect(code(screen.getByRole('region', { name: 'String to sign sent' }))).toMatch(/^JDCLOUD2-HMAC-SHA256\n/);
    expect(screen.getByRole('region', { name: 'Response body' }).textContent).toContain('"error": "signature mismatch"');
    expect(gateway.calls).toMatchObject([{ verified: false, reason: 'signature mismatch' }]);

    // The typed secret is in its own password field and nowhere else: not in the preview, the curl or the store.
    expect((screen.getByLabelText('APISecret') as HTMLInputElement).value).toBe(wrong);
    expect(visibleText()).not.toContain(wrong);
    expect(heldByTheWindow()).not.toContain(wrong);
  });

  it('forgets a typed APISecret when the user leaves the page', async () => {
    const { user } = await openTestCall();
    await user.selectOptions(select('Access key'), 'Enter an APIKey and APISecret…');
    await user.type(field('APIKey'), key.apiKey);
    await user.type(screen.getByLabelText('APISecret'), 'pasted-secret');
    await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'Access Key' }));
    await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'Test Call' }));
    // The rest of the form is kept; the secret is not.
    expect(field('APIKey')).toHaveProperty('value', key.apiKey);
    expect(screen.getByLabelText('APISecret')).toHaveProperty('value', '');
    expect(screen.getByText(/Paste the APISecret and enter the URL/)).toBeTruthy();
  });

  it('refuses a header with a line break, inline beside the headers', async () => {
    const { user } = await openTestCall();
    await user.selectOptions(select('Access key'), 'orders-robot');
    await fill(user, 'URL', GROUP_HOST_URL);
    await user.click(screen.getByRole('button', { name: 'Add header' }));
    await user.type(field('Header 1 name'), 'X-Note');
    await user.click(field('Header 1 value'));
    await user.paste('ok\r\nX-Injected: 1');

    expect(await screen.findByText('Header "X-Note" contains a line break; that is refused (header injection).', {}, SLOW)).toBeTruthy();
    expect(field('Header 1 value').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/Fix the marked fields to see the signature/)).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Canonical request' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Remove header 1' }));
    await preview('Canonical request');
    expect(screen.queryByText(/header injection/)).toBeNull();
  });

  it('shows an invalid URL beside the URL field', async () => {
    const { user } = await openTestCall();
    await user.selectOptions(select('Access key'), 'orders-robot');
    await fill(user, 'URL', 'ftp://example.com/file');
    expect(await screen.findByText('Only http:// and https:// URLs can be called.', {}, SLOW)).toBeTruthy();
    expect(field('URL').getAttribute('aria-invalid')).toBe('true');
  });

  it('says why when the host does not answer', async () => {
    const { user } = await openTestCall();
    await aimAtGateway(user);
    const origin = gateway!.origin;
    await gateway!.close();
    gateway = undefined;
    await preview('Canonical request');
    await user.click(screen.getByRole('button', { name: 'Send' }));

    const alert = await screen.findByRole('alert', {}, SLOW);
    expect(within(alert).getByText('The request got no answer')).toBeTruthy();
    expect(alert.textContent).toContain(`${new URL(origin).host} refused the connection`);
    expect(screen.queryByText(/^\d{3} /, { selector: '.response-status-code' })).toBeNull();
  });

  it('shows a redirect without following it', async () => {
    const origin = await startPlainServer((_request, response) => {
      response.writeHead(302, { location: 'https://elsewhere.example/v2/items' });
      response.end();
    });
    const { user } = await openTestCall();
    await user.selectOptions(select('Access key'), 'orders-robot');
    await fill(user, 'URL', `${origin}/v1/items`);
    await fill(user, 'Region', 'cn-north-1');
    await fill(user, 'Service', 'gatekeytest');
    await preview('Canonical request');
    await user.click(screen.getByRole('button', { name: 'Send' }));

    const status = await responseStatus();
    expect(status.textContent).toBe('302 Found');
    expect(status.closest('.response-status')!.className).toContain('response-status-redirect');
    expect(screen.getByText((_, el) => el?.tagName === 'SPAN' && el.textContent === 'Redirect to https://elsewhere.example/v2/items (not followed)')).toBeTruthy();
  });

  it('says when the body was cut at 5 MiB', async () => {
    const origin = await startPlainServer((_request, response) => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end('x'.repeat(5 * 1024 * 1024 + 10));
    });
    const { user } = await openTestCall();
    await user.selectOptions(select('Access key'), 'orders-robot');
    await fill(user, 'URL', `${origin}/big`);
    await fill(user, 'Region', 'cn-north-1');
    await fill(user, 'Service', 'gatekeytest');
    await preview('Canonical request');
    await user.click(screen.getByRole('button', { name: 'Send' }));

    const status = await responseStatus();
    expect(status.textContent).toBe('500 Internal Server Error');
    expect(status.closest('.response-status')!.className).toContain('response-status-error');
    expect(screen.getByText('The body was longer than that and is truncated at 5 MiB.')).toBeTruthy();
    expect(screen.getByText('5.0 MB (truncated)', { exact: false })).toBeTruthy();
    // Only 4xx answers are about the request's signature.
    expect(screen.queryByRole('region', { name: 'Canonical request sent' })).toBeNull();
  });

  it('fills the host from a picked API group and shows its region and service', async () => {
    const group = await seedGroup(backend, { name: 'Orders', host: 'k2m9q7wdp4ab.cn-east-2.jdcloud-api.net', region: 'cn-east-2' });
    const { user } = await openTestCall();
    await user.selectOptions(select('Access key'), 'orders-robot');
    await fill(user, 'URL', 'https://old.example.com/v1/items?x=1');
    await user.selectOptions(await screen.findByRole('combobox', { name: 'API group' }), `Orders (${group.environment})`);

    expect(field('URL')).toHaveProperty('value', 'https://k2m9q7wdp4ab.cn-east-2.jdcloud-api.net/v1/items?x=1');
    expect(screen.getByText('Host k2m9q7wdp4ab.cn-east-2.jdcloud-api.net · region cn-east-2 · service k2m9q7wdp4ab')).toBeTruthy();
    expect(field('Region').getAttribute('placeholder')).toBe('cn-east-2');
    const stringToSign = await preview('String to sign');
    await waitFor(() => expect(code(stringToSign)).toContain('/cn-east-2/k2m9q7wdp4ab/jdcloud2_request'), SLOW);

    // Typing another host leaves the group.
    await fill(user, 'URL', 'https://other.cn-north-1.jdcloud-api.net/');
    expect(select('API group')).toHaveProperty('value', 'none');
  });

  it('says a stored key whose APISecret is truly missing is missing, offering to re-enter it before deleting', async () => {
    const { user } = await openTestCall();
    await keytar.deletePassword(backend.service, key.id);
    await user.selectOptions(select('Access key'), 'orders-robot');
    await fill(user, 'URL', GROUP_HOST_URL);

    const output = screen.getByRole('region', { name: 'Signature and response' });
    const alert = await within(output).findByRole('alert', {}, SLOW);
    const text = alert.textContent ?? '';
    expect(text).toContain('The APISecret is missing from the OS keychain');
    expect(text).not.toMatch(/locked/i);
    expect(text.indexOf('Re-enter')).toBeGreaterThan(-1);
    expect(text.indexOf('Re-enter')).toBeLessThan(text.indexOf('delete'));
    expect(await screen.findByRole('option', { name: 'orders-robot (APISecret missing)' })).toBeTruthy();
  });

  it('with no access keys explains and leads to the Access Key page', async () => {
    unwrap(await backend.api.accessKeys.delete({ id: key.id }));
    const { user } = await openTestCall();
    expect(screen.getByRole('heading', { name: 'No access keys to sign with' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Go to Access Key' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Access Key' })).toBeTruthy();
  });

  it('with no access keys still lets the user type an APIKey and APISecret', async () => {
    unwrap(await backend.api.accessKeys.delete({ id: key.id }));
    const { user } = await openTestCall();
    await user.click(screen.getByRole('button', { name: 'Enter an APIKey and APISecret…' }));
    expect(select('Access key')).toHaveProperty('value', 'manual');
    expect(field('APIKey')).toBeTruthy();
  });
});
