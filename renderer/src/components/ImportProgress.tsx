import { useId } from 'react';
import { useAppStore } from '../store';

/** How far main's import is, from its `progress` events; a single key is done before a bar would say anything. */
export function ImportProgress() {
  const progress = useAppStore((s) => s.progress.importKeys);
  const id = useId();
  if (!progress || progress.total < 2) return null;
  // The item being worked on, counted from 1: "Importing 1 of 12" as soon as it starts.
  const label = `Importing ${Math.min(progress.done + 1, progress.total)} of ${progress.total}`;
  // Labelled from outside: a <label> wrapped round a progress bar would add its value to the name.
  return (
    <div className="import-progress">
      <label htmlFor={id}>{label}</label>
      <progress id={id} value={progress.done} max={progress.total} />
    </div>
  );
}
