import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClipboardGuard, SECRET_CLIPBOARD_SECONDS } from '../../../electron/core/clipboard-guard';
import { MemoryClipboard } from '../../support/memory-clipboard';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('clipboard guard', () => {
  it('clears a copied secret after 30 s', () => {
    const clipboard = new MemoryClipboard();
    const guard = createClipboardGuard(clipboard);
    expect(guard.copySecret('S3CRET')).toBe(30);
    expect(SECRET_CLIPBOARD_SECONDS).toBe(30);
    vi.advanceTimersByTime(29_999);
    expect(clipboard.text).toBe('S3CRET');
    vi.advanceTimersByTime(1);
    expect(clipboard.text).toBe('');
  });

  it('leaves the clipboard alone when the user copied something else meanwhile', () => {
    const clipboard = new MemoryClipboard();
    const guard = createClipboardGuard(clipboard);
    guard.copySecret('S3CRET');
    clipboard.writeText('something the user copied');
    vi.advanceTimersByTime(30_000);
    expect(clipboard.text).toBe('something the user copied');
  });

  it('restarts the countdown for a second secret, and still clears it', () => {
    const clipboard = new MemoryClipboard();
    const guard = createClipboardGuard(clipboard);
    guard.copySecret('FIRST');
    vi.advanceTimersByTime(20_000);
    guard.copySecret('SECOND');
    vi.advanceTimersByTime(20_000);
    expect(clipboard.text).toBe('SECOND');
    vi.advanceTimersByTime(10_000);
    expect(clipboard.text).toBe('');
  });

  it('never clears plain text it copied', () => {
    const clipboard = new MemoryClipboard();
    createClipboardGuard(clipboard).copyText('APIKEY');
    vi.advanceTimersByTime(60_000);
    expect(clipboard.text).toBe('APIKEY');
  });
});
