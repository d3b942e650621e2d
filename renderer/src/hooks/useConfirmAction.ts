import { useState } from 'react';
import type { IpcError, Result } from '../api';

/**
 * A confirmed action in a dialog: pending while it runs, its error kept for the
 * dialog to show; `onDone` runs on success (callers that are unmounted by the
 * store's navigation pass nothing). When the user said no in main's own
 * confirmation (NOT_CONFIRMED), `onDeclined` closes the dialog without an error.
 */
export function useConfirmAction(run: () => Promise<Result<unknown>>, onDone?: () => void, onDeclined?: () => void) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const confirm = async () => {
    setPending(true);
    setError(null);
    const result = await run();
    if (result.ok) return onDone?.();
    setPending(false);
    if (result.error.code === 'NOT_CONFIRMED') return onDeclined?.();
    setError(result.error);
  };
  return { pending, error, confirm };
}
