import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClipboardGuard, SECRET_CLIPBOARD_SECONDS } from '../../../electron/core/clipboard-guard';
import { MemoryClipboard } from '../../support/memory-clipboard';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('clipboard guard', () => {
  it('clears a copied secret after 30 s', async () => {
    const clipboard = new MemoryClipboard();
    const guard = createClipboardGuard(clipboard);
    expect(await guard.copySecret('S3CRET')).toBe(30);
    expect(SECRET_CLIPBOARD_SECONDS).toBe(30);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(clipboard.text).toBe('S3CRET');
    await vi.advanceTimersByTimeAsync(1);
    expect(clipboard.text).toBe('');
  });

  it('leaves the clipboard alone when the user copied something else meanwhile', async () => {
    const clipboard = new MemoryClipboard();
    const guard = createClipboardGuard(clipboard);
    await guard.copySecret('S3CRET');
    await clipboard.writeText('something the user copied');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(clipboard.text).toBe('something the user copied');
  });

  it('restarts the countdown for a second secret, and still clears it', async () => {
    const clipboard = new MemoryClipboard();
    const guard = createClipboardGuard(clipboard);
    await guard.copySecret('FIRST');
    await vi.advanceTimersByTimeAsync(20_000);
    await guard.copySecret('SECOND');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(clipboard.text).toBe('SECOND');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(clipboard.text).toBe('');
  });

  it('never clears plain text it copied', async () => {
    const clipboard = new MemoryClipboard();
    await createClipboardGuard(clipboard).copyText('APIKEY');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(clipboard.text).toBe('APIKEY');
  });
});

describe('on quit', () => {
  it('clears a secret still on the clipboard at once', async () => {
    const clipboard = new MemoryClipboard();
    const guard = createClipboardGuard(clipboard);
    await guard.copySecret('S3CRET');
    await guard.clearPendingSecret();
    expect(clipboard.text).toBe('');
  });

  it('leaves something the user copied after the secret', async () => {
    const clipboard = new MemoryClipboard();
    const guard = createClipboardGuard(clipboard);
    await guard.copySecret('S3CRET');
    await clipboard.writeText('mine');
    await guard.clearPendingSecret();
    expect(clipboard.text).toBe('mine');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(clipboard.text).toBe('mine');
  });
});
