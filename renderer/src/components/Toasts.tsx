import { useEffect } from 'react';
import { useAppStore } from '../store';
import type { Toast } from '../store/toasts-slice';
import { Icon } from './Icon';

const TOAST_MS = 5000;
/** A toast offering an action stays longer, so there is time to reach it. */
const ACTION_TOAST_MS = 12000;

function ToastItem({ toast }: { toast: Toast }) {
  const dismiss = useAppStore((s) => s.dismissToast);
  useEffect(() => {
    const timer = setTimeout(() => dismiss(toast.id), toast.action ? ACTION_TOAST_MS : TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast.id, toast.action, dismiss]);

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

/** Short confirmations. The live region is always present, so screen readers hear each new toast. */
export function Toasts() {
  const toasts = useAppStore((s) => s.toasts);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </div>
  );
}
