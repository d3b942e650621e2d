import type { BrowserWindow } from 'electron';
import { describe, expect, it, vi } from 'vitest';

// Electron's dialog needs the Electron binary, which cannot be installed here:
// this Electron-only test mocks 'electron' with a showMessageBox that answers as scripted.
const dialog = vi.hoisted(() => ({ showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })) }));
vi.mock('electron', () => ({ dialog }));

const { nativeConfirm } = await import('../../../electron/main/native-confirm');

const window = { id: 1 } as unknown as BrowserWindow;
const question = { message: 'Delete the access key "payments"?', detail: 'Access Key ID a280dc988b22.', confirmLabel: 'Delete' };

describe('nativeConfirm', () => {
  it('shows a warning box modal to the app window, naming the key, with Cancel as default and Escape answer', async () => {
    await nativeConfirm(() => window)(question);
    expect(dialog.showMessageBox).toHaveBeenCalledExactlyOnceWith(window, {
      type: 'warning',
      title: 'Gatekey',
      message: question.message,
      detail: question.detail,
      buttons: ['Cancel', 'Delete'],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    });
  });

  it('is a yes only when the user chose the confirm button', async () => {
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    expect(await nativeConfirm(() => window)(question)).toBe(false);
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    expect(await nativeConfirm(() => window)(question)).toBe(true);
  });

  it('answers no without a window, showing nothing', async () => {
    dialog.showMessageBox.mockClear();
    expect(await nativeConfirm(() => undefined)(question)).toBe(false);
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
  });
});
