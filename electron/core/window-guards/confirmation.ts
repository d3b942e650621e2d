/**
 * A question main asks the user itself, in a native message box the page
 * cannot draw, dismiss or answer. Cancel (and Escape, and closing the box)
 * always means "keep / do not do it".
 */
export interface Confirmation {
  /** The question, naming what is at stake, e.g. `Delete the access key "ci-bot"?`. */
  message: string;
  /** The details: IDs, and what cannot be undone. */
  detail: string;
  /** The button that goes ahead, e.g. "Delete". The other button is "Cancel". */
  confirmLabel: string;
}

/**
 * What only the person at the keyboard can give: a yes in a native dialog,
 * and real input (clicks, key presses) that the OS delivered to the window.
 * The app passes Electron's dialog and input events; tests pass a recorder.
 */
export interface UserPresence {
  /** True only when the user chose `confirmLabel`. */
  confirm(question: Confirmation): Promise<boolean>;
  /** True once per real click or key press in the app window within the last few seconds; uses it up. */
  consumeUserActivation(): boolean;
}

export type ConfirmAnswer = 'confirmed' | 'declined' | 'busy';

/**
 * One native question at a time. A compromised page could otherwise stack
 * hundreds of message boxes and hope for a reflexive click; while one is open,
 * every other request that needs a yes is answered "busy" without asking.
 */
export function createConfirmGate(confirm: UserPresence['confirm']) {
  let open = false;
  return async (question: Confirmation): Promise<ConfirmAnswer> => {
    if (open) return 'busy';
    open = true;
    try {
      return (await confirm(question)) ? 'confirmed' : 'declined';
    } catch {
      // A dialog that failed to show is not a yes.
      return 'declined';
    } finally {
      open = false;
    }
  };
}

export type ConfirmGate = ReturnType<typeof createConfirmGate>;
