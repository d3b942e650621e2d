import { EventEmitter } from 'node:events';
import type { WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { isAllowedExternal, trackUserActivation, USER_ACTIVATION_MS } from '../../../electron/main/external-links';

// external-links.ts only imports types from 'electron': no mock, just an EventEmitter for the web contents.

describe('isAllowedExternal', () => {
  it('allows https: links with a host', () => {
    for (const url of ['https://example.com/', 'https://docs.example.com/api?x=1#top', 'HTTPS://EXAMPLE.COM/path', 'https://[::1]:8443/']) {
      expect(isAllowedExternal(url), url).toBe(true);
    }
  });

  it('refuses every other scheme, including ones that launch other apps', () => {
    for (const url of [
      'http://example.com/',
      'file:///etc/passwd',
      'file://server/share/evil.exe',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'blob:https://example.com/0f0e',
      'ms-msdt:/id PCWDiagnostic',
      'search-ms:query=x',
      'smb://attacker.example/share',
      'vscode://file/etc/passwd',
      'mailto:a@example.com',
      'about:blank',
      'ftp://example.com/',
      'ws://example.com/',
    ]) {
      expect(isAllowedExternal(url), url).toBe(false);
    }
  });

  it('refuses what is not a URL, credentials in the URL and very long URLs', () => {
    for (const url of ['', 'example.com', '//example.com/', 'https://', ' https ://example.com']) {
      expect(isAllowedExternal(url), JSON.stringify(url)).toBe(false);
    }
    expect(isAllowedExternal('https://user:pass@example.com/')).toBe(false);
    expect(isAllowedExternal('https://user@example.com/')).toBe(false);
    expect(isAllowedExternal(`https://example.com/${'a'.repeat(2100)}`)).toBe(false);
  });
});

describe('trackUserActivation', () => {
  const setup = () => {
    const contents = new EventEmitter();
    let time = 1_000_000;
    const clock = { advance: (ms: number) => (time += ms) };
    const activation = trackUserActivation(contents as unknown as WebContents, () => time);
    const input = (type: string) => contents.emit('input-event', {}, { type });
    return { activation, clock, input };
  };

  it('is not active before any input', () => {
    expect(setup().activation.consume()).toBe(false);
  });

  it('a click activates once: the second ask in the same click is refused', () => {
    const { activation, input } = setup();
    input('mouseDown');
    input('mouseUp');
    expect(activation.consume()).toBe(true);
    expect(activation.consume()).toBe(false);
  });

  it('a key press or tap activates too', () => {
    for (const type of ['rawKeyDown', 'keyDown', 'touchEnd', 'gestureTap']) {
      const { activation, input } = setup();
      input(type);
      expect(activation.consume(), type).toBe(true);
    }
  });

  it('mouse moves, wheel and key-ups do not', () => {
    const { activation, input } = setup();
    for (const type of ['mouseMove', 'mouseEnter', 'mouseWheel', 'keyUp', 'gestureScrollBegin']) input(type);
    expect(activation.consume()).toBe(false);
  });

  it('expires after USER_ACTIVATION_MS', () => {
    const { activation, clock, input } = setup();
    input('mouseDown');
    clock.advance(USER_ACTIVATION_MS + 1);
    expect(activation.consume()).toBe(false);
    input('mouseDown');
    clock.advance(USER_ACTIVATION_MS);
    expect(activation.consume()).toBe(true);
  });
});
