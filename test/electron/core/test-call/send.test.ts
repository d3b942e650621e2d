import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_RESPONSE_BYTES, sendRequest } from '../../../../electron/adapters/http/send-request';

// Real sockets on 127.0.0.1: each server answers in one particular way.
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function serve(handler: RequestListener): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const get = (url: string, timeoutMs?: number) => sendRequest({ method: 'GET', url, headers: [['x-test', '1']], body: '' }, timeoutMs);

describe('sending a test call', () => {
  it('returns status, headers, body and time', async () => {
    const host = await serve((request, response) => {
      response.writeHead(418, 'Teapot', { 'x-echo': String(request.headers['x-test']) });
      response.end('{"a":1}');
    });
    const response = await get(`http://${host}/x`);
    expect(response).toMatchObject({ status: 418, statusText: 'Teapot', body: '{"a":1}', truncated: false });
    expect(response.headers).toContainEqual(['x-echo', '1']);
    expect(response.timeMs).toBeGreaterThanOrEqual(0);
  });

  it('shows a redirect instead of following it', async () => {
    let hits = 0;
    const host = await serve((_request, response) => {
      hits += 1;
      response.writeHead(302, { location: '/elsewhere' });
      response.end();
    });
    const response = await get(`http://${host}/start`);
    expect(response).toMatchObject({ status: 302, redirectTo: `http://${host}/elsewhere` });
    expect(hits).toBe(1);
  });

  it('shows a Location that is not a URL as it came, instead of failing', async () => {
    const host = await serve((_request, response) => {
      response.writeHead(301, { location: 'http://[' });
      response.end();
    });
    expect(await get(`http://${host}/`)).toMatchObject({ status: 301, redirectTo: 'http://[' });
  });

  it('keeps at most 5 MiB of the answer', async () => {
    const host = await serve((_request, response) => {
      response.writeHead(200);
      const chunk = Buffer.alloc(1024 * 1024, 'a');
      for (let i = 0; i < 7; i += 1) response.write(chunk);
      response.end();
    });
    const response = await get(`http://${host}/big`);
    expect(response.truncated).toBe(true);
    expect(Buffer.byteLength(response.body)).toBe(MAX_RESPONSE_BYTES);
  });

  it('says so when the connection is refused', async () => {
    const host = await serve(() => undefined);
    await new Promise((resolve) => servers.pop()!.close(resolve));
    await expect(get(`http://${host}/`)).rejects.toMatchObject({ code: 'REQUEST_FAILED', message: expect.stringMatching(/refused the connection/) });
  });

  it('gives up after the timeout', async () => {
    const host = await serve(() => undefined); // never answers
    await expect(get(`http://${host}/slow`, 300)).rejects.toMatchObject({ code: 'REQUEST_FAILED', message: expect.stringMatching(/did not answer within/) });
  });

  it('reports a TLS failure', async () => {
    const host = await serve((_request, response) => response.end('plain http'));
    await expect(get(`https://${host}/`)).rejects.toMatchObject({ code: 'REQUEST_FAILED', message: expect.stringMatching(/TLS/) });
  });

  it('reports a host that cannot be resolved', async () => {
    await expect(get('http://no-such-host.invalid/')).rejects.toMatchObject({ code: 'REQUEST_FAILED', message: expect.stringMatching(/could not be found/) });
  });
});
