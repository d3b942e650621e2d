import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isTrustedSender, type TrustedWindow } from '../../../electron/main/trusted-sender';

const rendererIndex = resolve('/opt/Gatekey/resources/app.asar/dist/renderer/index.html');
const indexUrl = pathToFileURL(rendererIndex).href;
const trusted: TrustedWindow = { webContentsId: 7, rendererIndex };

const event = (id: number, url: string | null, parent: unknown = null) => ({
  sender: { id },
  senderFrame: url === null ? null : { url, parent },
});

describe('isTrustedSender', () => {
  it("accepts the main window's main frame showing the app page", () => {
    expect(isTrustedSender(event(7, indexUrl), trusted)).toBe(true);
  });

  it('ignores a hash or query on the app page', () => {
    expect(isTrustedSender(event(7, `${indexUrl}#/keys`), trusted)).toBe(true);
    expect(isTrustedSender(event(7, `${indexUrl}?x=1`), trusted)).toBe(true);
  });

  it('rejects another web contents', () => {
    expect(isTrustedSender(event(8, indexUrl), trusted)).toBe(false);
  });

  it('rejects everything while there is no window', () => {
    expect(isTrustedSender(event(7, indexUrl), { ...trusted, webContentsId: undefined })).toBe(false);
  });

  it('rejects a subframe, even one showing the app page', () => {
    expect(isTrustedSender(event(7, indexUrl, { url: indexUrl }), trusted)).toBe(false);
  });

  it('rejects a frame that is gone', () => {
    expect(isTrustedSender(event(7, null), trusted)).toBe(false);
  });

  it('rejects non-file URLs', () => {
    for (const url of ['https://example.com/index.html', 'http://localhost:5173/', 'data:text/html,hi', 'about:blank', 'devtools://devtools/', 'not a url']) {
      expect(isTrustedSender(event(7, url), trusted), url).toBe(false);
    }
  });

  it('rejects other files, including ones that resolve beside the page', () => {
    const other = pathToFileURL(join(rendererIndex, '..', 'evil.html')).href;
    expect(isTrustedSender(event(7, other), trusted)).toBe(false);
    expect(isTrustedSender(event(7, pathToFileURL('/tmp/index.html').href), trusted)).toBe(false);
    expect(isTrustedSender(event(7, `file://remote-host${new URL(indexUrl).pathname}`), trusted)).toBe(false);
  });

  it('accepts the same file spelled with dot segments or escapes', () => {
    const dotted = indexUrl.replace('/dist/renderer/', '/dist/x/../renderer/');
    expect(isTrustedSender(event(7, dotted), trusted)).toBe(true);
    const escaped = indexUrl.replace('index.html', '%69ndex.html');
    expect(isTrustedSender(event(7, escaped), trusted)).toBe(true);
  });
});
