import { describe, expect, it, vi } from 'vitest';
import { createClipboardGuard, SECRET_CLIPBOARD_SECONDS } from '../../../electron/core/clipboard-guard';
import { createFakeElectron } from './fake-electron';

// clipboard.ts imports Electron's clipboard; the Electron binary cannot be
// installed here (requiring the real package starts a download), so this
// Electron-only test mocks 'electron'. The adapter under test gets the fake
// system clipboard passed in.
vi.mock('electron', () => ({ clipboard: {} }));

const { electronClipboard } = await import('../../../electron/main/clipboard');

// setImmediate is not faked: it lets the adapter's pending promises settle.
const flush = () => new Promise((resolve) => setImmediate(resolve));

function setup() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const system = createFakeElectron({ userData: '/nonexistent' }).clipboard;
  const guard = createClipboardGuard(electronClipboard(system));
  const afterDelay = async () => {
    vi.advanceTimersByTime(SECRET_CLIPBOARD_SECONDS * 1000);
    vi.useRealTimers();
    await flush();
  };
  return { system, guard, afterDelay };
}

describe('electronClipboard with the clipboard guard', () => {
  it('writes text to the system clipboard', async () => {
    const { system, guard } = setup();
    guard.copyText('api-key');
    await flush();
    await expect(system.readText()).resolves.toBe('api-key');
    vi.useRealTimers();
  });

  it('clears a copied secret after the delay', async () => {
    const { system, guard, afterDelay } = setup();
    guard.copySecret('s3cret');
    await flush();
    await expect(system.readText()).resolves.toBe('s3cret');
    await afterDelay();
    await expect(system.readText()).resolves.toBe('');
  });

  it('keeps what the user copied in another app meanwhile', async () => {
    const { system, guard, afterDelay } = setup();
    guard.copySecret('s3cret');
    await flush();
    await system.writeText('from another app');
    await afterDelay();
    await expect(system.readText()).resolves.toBe('from another app');
  });

  it('keeps what Gatekey copied after the secret', async () => {
    const { system, guard, afterDelay } = setup();
    guard.copySecret('s3cret');
    guard.copyText('api-key');
    await afterDelay();
    await expect(system.readText()).resolves.toBe('api-key');
  });

  it('reports a failed write to the caller instead of pretending it copied', async () => {
    const { system, guard } = setup();
    system.writeText.mockRejectedValueOnce(new Error('clipboard busy'));
    await expect(guard.copySecret('s3cret')).rejects.toThrow('clipboard busy');
    vi.useRealTimers();
  });

  it('logs a failed clear without the text', async () => {
    const { system, guard, afterDelay } = setup();
    await guard.copySecret('s3cret');
    system.readText.mockRejectedValueOnce(new Error('clipboard busy with s3cret'));
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await afterDelay();
    expect(error).toHaveBeenCalled();
    expect(JSON.stringify(error.mock.calls)).not.toContain('s3cret');
    error.mockRestore();
  });
});
