import { useId, useRef, type ReactNode } from 'react';
import type { IpcError } from '../api';
import { Dialog } from './Dialog';
import { ErrorAlert } from './ErrorAlert';

export interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  error: IpcError | null;
  onConfirm(): void;
  onCancel(): void;
}

/** Asks before something that cannot be undone. Cancel has focus, so a stray Enter does no harm. */
export function ConfirmDialog({ title, children, confirmLabel, pendingLabel, pending, error, onConfirm, onCancel }: ConfirmDialogProps) {
  const cancel = useRef<HTMLButtonElement>(null);
  const messageId = useId();
  return (
    <Dialog
      title={title}
      role="alertdialog"
      describedBy={messageId}
      initialFocus={cancel}
      onCancel={pending ? undefined : onCancel}
      footer={
        <>
          <button ref={cancel} type="button" className="button" onClick={onCancel} disabled={pending}>
            Cancel
          </button>
          <button type="button" className="button button-danger" onClick={onConfirm} disabled={pending}>
            {pending ? pendingLabel : confirmLabel}
          </button>
        </>
      }
    >
      <div id={messageId} className="dialog-message">
        {children}
      </div>
      {error && <ErrorAlert error={error} />}
    </Dialog>
  );
}
