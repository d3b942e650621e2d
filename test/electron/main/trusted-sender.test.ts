import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isTrustedSender, type TrustedWindow } from '../../../electron/main/trusted-sender';

const indexUrl = 'app://gatekey/index.html';
const trusted: TrustedWindow = { webContentsId: 7 };

const event = (id: number, url: string | null, parent: unknown = null) => ({
  sender: { id },
  senderFrame: url === null ? null : { url, parent },
});

describe('isTrustedSender', () => {
  it("accepts the main window's main frame showing the app page at app://gatekey/index.html", () => {
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
    expect(isTrustedSender(event(7, indexUrl), { webContentsId: undefined })).toBe(false);
  });

  it('rejects a subframe, even one showing the app page', () => {
    expect(isTrustedSender(event(7, indexUrl, { url: indexUrl }), trusted)).toBe(false);
  });

  it('rejects a frame that is gone', () => {
    expect(isTrustedSender(event(7, null), trusted)).toBe(false);
  });

  it('rejects file: URLs, the renderer file included, and every other scheme', () => {
    const rendererFile = pathToFileURL('/opt/Gatekey/resources/app.asar/dist/renderer/index.html').href;
    for (const url of [rendererFile, 'https://gatekey/index.html', 'http://localhost:5173/', 'data:text/html,hi', 'about:blank', 'devtools://devtools/', 'not a url']) {
      expect(isTrustedSender(event(7, url), trusted), url).toBe(false);
    }
  });

  it('rejects other app:// hosts, credentials, ports and other pages of the app', () => {
    for (const url of ['app://evil/index.html', 'app://gatekey.evil/index.html', 'app://user:pw@gatekey/index.html', 'app://gatekey:8080/index.html', 'app://gatekey/evil.html', 'app://gatekey/', 'app://gatekey/assets/index.html']) {
      expect(isTrustedSender(event(7, url), trusted), url).toBe(false);
    }
  });

  it('accepts the same page spelled with dot segments or escapes', () => {
    expect(isTrustedSender(event(7, 'app://gatekey/assets/../index.html'), trusted)).toBe(true);
    expect(isTrustedSender(event(7, 'app://gatekey/%69ndex.html'), trusted)).toBe(true);
  });
});
