import { useId } from 'react';
import { useAppStore } from '../../store';

/** How far the running apply is, from main's `progress` events, with the way to stop it between items. */
export function ApplyProgress({ total, cancelling, onCancel }: { total: number; cancelling: boolean; onCancel(): void }) {
  const progress = useAppStore((s) => s.progress.jdApply);
  const id = useId();
  const done = progress?.done ?? 0;
  const of = progress?.total ?? total;
  const failed = progress?.failed ?? 0;
  return (
    <div className="jd-progress" role="group" aria-label="Apply progress">
      <div className="jd-progress-line">
        <label htmlFor={id}>
          {cancelling ? 'Cancelling: stopping after the items in flight…' : `Applying: ${done} of ${of} done`}
          {failed > 0 ? `, ${failed} failed` : ''}
        </label>
        <button type="button" className="button button-small" onClick={onCancel} disabled={cancelling}>
          Cancel
        </button>
      </div>
      <progress id={id} value={done} max={Math.max(of, 1)} />
    </div>
  );
}
