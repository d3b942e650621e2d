import { useSaveStoreNow } from '../queries/data-safety';
import { Icon } from './Icon';

/** Changes that are in memory but not yet on disk: say so, offer a retry, never block the work. */
export function UnsavedBanner({ problem, since }: { problem: string; since: string }) {
  const saveNow = useSaveStoreNow();
  const time = new Date(since).toLocaleTimeString();

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
      <button type="button" className="button button-small" onClick={() => void saveNow.run()} disabled={saveNow.pending}>
        <Icon name="refresh" size={14} />
        <span>{saveNow.pending ? 'Retrying…' : 'Retry now'}</span>
      </button>
    </section>
  );
}
