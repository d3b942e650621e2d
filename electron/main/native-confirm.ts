import { dialog, type BrowserWindow } from 'electron';
import type { Confirmation } from '../core/window-guards/confirmation';

/**
 * Main's own confirmation: a native message box, modal to the app window,
 * that the page cannot draw, style or click. Cancel is the default and the
 * Escape answer, so a reflexive Enter keeps the key. No window, no yes.
 */
export function nativeConfirm(parentWindow: () => BrowserWindow | undefined) {
  return async (question: Confirmation): Promise<boolean> => {
    const parent = parentWindow();
    if (!parent) return false;
    const { response } = await dialog.showMessageBox(parent, {
      type: 'warning',
      title: 'Gatekey',
      message: question.message,
      detail: question.detail,
      buttons: ['Cancel', question.confirmLabel],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    });
    return response === 1;
  };
}
