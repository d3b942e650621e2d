import { errorMessage, type Result } from '../api';
import { useAppStore } from '../store';

/** Runs a copy through main and reports the outcome as a toast; resolves whether it worked. */
export function useCopyAction() {
  const showToast = useAppStore((s) => s.showToast);
  return async (copy: () => Promise<Result<unknown>>, done: string): Promise<boolean> => {
    const result = await copy();
    showToast(result.ok ? done : errorMessage(result.error), result.ok ? 'success' : 'error');
    return result.ok;
  };
}
