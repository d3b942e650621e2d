import { useEffect, useId, useRef, type FormEvent, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export interface DialogProps {
  title: string;
  /** Called on Esc and on Cancel; the owner decides whether to close. */
  onClose(): void;
  children: ReactNode;
  footer: ReactNode;
  /** What gets focus on open; otherwise the first focusable element. */
  initialFocus?: RefObject<HTMLElement | null>;
  role?: 'dialog' | 'alertdialog';
  describedBy?: string;
  /** Makes body and footer one form, so Enter in a field submits through the footer's submit button. */
  onSubmit?(event: FormEvent<HTMLFormElement>): void;
  /** "wide" for side-by-side content such as the Bind dialog's two lists. */
  size?: 'normal' | 'wide';
}

/** A modal dialog: focus moves in on open, stays inside (Tab wraps), and returns on close. */
export function Dialog({ title, onClose, children, footer, initialFocus, role = 'dialog', describedBy, onSubmit, size = 'normal' }: DialogProps) {
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const first = initialFocus?.current ?? panel.current?.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
    // Focus once per opening, not on every re-render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !panel.current) return;
    const focusable = [...panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return event.preventDefault();
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const content = (
    <>
      <div className="dialog-body">{children}</div>
      <div className="dialog-footer">{footer}</div>
    </>
  );

  return createPortal(
    <div className="dialog-backdrop">
      <div ref={panel} className={size === 'wide' ? 'dialog dialog-wide' : 'dialog'} role={role} aria-modal="true" aria-labelledby={titleId} aria-describedby={describedBy} onKeyDown={onKeyDown}>
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
      </div>
    </div>,
    document.body,
  );
}
