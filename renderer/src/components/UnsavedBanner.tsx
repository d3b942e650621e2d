import { useState } from 'react';
import { useAppStore } from '../store';
import { Icon } from './Icon';

/** Changes that are in memory but not yet on disk: say so, offer a retry, never block the work. */
export function UnsavedBanner({ problem, since }: { problem: string; since: string }) {
  const saveNow = useAppStore((s) => s.saveStoreNow);
  const [pending, setPending] = useState(false);
  const time = new Date(since).toLocaleTimeString();

  const retry = async () => {
    setPending(true);
    await saveNow();
    setPending(false);
  };

  return (
    <section className="banner banner-warning" role="status" aria-labelledby="unsaved-title">
      <Icon name="warning" size={18} />
      <div>
        <p id="unsaved-title" className="banner-text">
          <strong className="banner-title">Not saved yet</strong> — {problem}
        </p>
        <p className="banner-text">
          Unsaved since {time}. Gatekey keeps retrying on its own; keep it open until this warning goes away.
        </p>
      </div>
      <button type="button" className="button button-small" onClick={retry} disabled={pending}>
        <Icon name="refresh" size={14} />
        <span>{pending ? 'Retrying…' : 'Retry now'}</span>
      </button>
    </section>
  );
}
