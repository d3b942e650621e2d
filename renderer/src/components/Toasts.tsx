import { useEffect, type ReactNode, type Ref } from 'react';
import { createPortal } from 'react-dom';
import { useAppStore } from '../store';
import type { Toast } from '../store/toasts-slice';
import { Icon } from './Icon';
import { useToastHost } from './toast-host';

const TOAST_MS = 5000;
/** A toast offering an action stays longer, so there is time to reach it. */
const ACTION_TOAST_MS = 12000;

/** Apart from the toast's markup, which moves when a dialog opens or closes: moving must not restart the clock. */
function ToastTimer({ toast }: { toast: Toast }) {
  const dismiss = useAppStore((s) => s.dismissToast);
  useEffect(() => {
    const timer = setTimeout(() => dismiss(toast.id), toast.action ? ACTION_TOAST_MS : TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast.id, toast.action, dismiss]);
  return null;
}

function ToastItem({ toast }: { toast: Toast }) {
  const dismiss = useAppStore((s) => s.dismissToast);
  return (
    <div className={`toast toast-${toast.tone}`}>
      <Icon name={toast.tone === 'error' ? 'warning' : toast.tone === 'info' ? 'info' : 'check'} />
      <span className="toast-message">{toast.message}</span>
      {toast.action && (
        <button
          type="button"
          className="toast-action"
          onClick={() => {
            dismiss(toast.id);
            toast.action?.run();
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="icon-button" aria-label="Dismiss notification" onClick={() => dismiss(toast.id)}>
        <Icon name="close" size={14} />
      </button>
    </div>
  );
}

/** A polite live region for toasts: the app has one, and every open dialog one of its own (see toast-host.ts). */
export function ToastRegion({ ref, children }: { ref?: Ref<HTMLDivElement>; children?: ReactNode }) {
  return (
    <div ref={ref} className="toasts" role="status" aria-live="polite">
      {children}
    </div>
  );
}

/**
 * Short confirmations, in the topmost open dialog's region while one is open (the rest of the
 * page is inert then), else in the app's. Both regions exist before a toast arrives, so screen
 * readers hear each new one.
 */
export function Toasts() {
  const toasts = useAppStore((s) => s.toasts);
  const host = useToastHost();
  const items = toasts.map((toast) => <ToastItem key={toast.id} toast={toast} />);
  return (
    <>
      {toasts.map((toast) => (
        <ToastTimer key={toast.id} toast={toast} />
      ))}
      <ToastRegion>{host ? null : items}</ToastRegion>
      {host && createPortal(items, host)}
    </>
  );
}
