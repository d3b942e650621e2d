import { useId, useLayoutEffect, useRef, type FormEvent, type ReactNode, type RefObject, type SyntheticEvent } from 'react';
import { createPortal } from 'react-dom';
import { addToastHost } from './toast-host';
import { ToastRegion } from './Toasts';

export interface DialogProps {
  title: string;
  /**
   * Escape calls this, as the dialog's own Cancel or Close button does; the owner
   * closes the dialog by no longer rendering it. Left out while the dialog must
   * stay (a submit in flight, a choice the user has to make): Escape then does nothing.
   */
  onCancel?(): void;
  children: ReactNode;
  footer: ReactNode;
  /** What gets focus on open; otherwise the browser picks the first focusable element. */
  initialFocus?: RefObject<HTMLElement | null>;
  role?: 'dialog' | 'alertdialog';
  describedBy?: string;
  /** Makes body and footer one form, so Enter in a field submits through the footer's submit button. */
  onSubmit?(event: FormEvent<HTMLFormElement>): void;
  /** "wide" for side-by-side content such as the Bind dialog's two lists. */
  size?: 'normal' | 'wide';
}

/**
 * The app's one modal dialog: a native <dialog> opened with showModal(). The
 * browser makes the rest of the page inert, keeps focus inside, turns Escape
 * into a `cancel` event, and on close() returns focus to what had it before.
 * Mounting opens it; unmounting closes it. It carries a live region for toasts,
 * which the rest of the page, being inert, can neither show on top nor announce.
 */
export function Dialog({ title, onCancel, children, footer, initialFocus, role = 'dialog', describedBy, onSubmit, size = 'normal' }: DialogProps) {
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const toasts = useRef<HTMLDivElement>(null);

  // A layout effect: its clean-up runs while the element is still in the page, so close() can hand focus back.
  useLayoutEffect(() => {
    const element = dialog.current;
    if (!element) return;
    element.showModal();
    // After showModal(): the hosts' order is then the top layer's, and no toast's button can take the dialog's first focus.
    const removeToastHost = toasts.current ? addToastHost(toasts.current) : undefined;
    initialFocus?.current?.focus();
    return () => {
      removeToastHost?.();
      element.close();
    };
    // Opened once per mounting, not on every re-render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Closing is the owner's decision (it stops rendering the dialog), never the browser's alone.
  const cancel = (event: SyntheticEvent<HTMLDialogElement>) => {
    event.preventDefault();
    onCancel?.();
  };

  const content = (
    <>
      <div className="dialog-body">{children}</div>
      <div className="dialog-footer">{footer}</div>
    </>
  );

  return createPortal(
    <dialog
      ref={dialog}
      className={size === 'wide' ? 'dialog dialog-wide' : 'dialog'}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      // "none": the browser fires no cancel at all, so a second Escape cannot force it shut either.
      closedby={onCancel ? 'closerequest' : 'none'}
      onCancel={cancel}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {onSubmit ? (
        <form noValidate onSubmit={onSubmit}>
          {content}
        </form>
      ) : (
        content
      )}
      <ToastRegion ref={toasts} />
    </dialog>,
    document.body,
  );
}
