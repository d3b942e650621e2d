import { useAppStore } from '../store';
import { Icon } from './Icon';

/** The data file could not be read: say which file, what is wrong, and that Gatekey did not touch it. */
export function StoreProblemBanner() {
  const store = useAppStore((s) => s.appStatus?.store);
  if (store?.state !== 'unreadable') return null;
  return (
    <section className="banner banner-blocking" role="alert" aria-labelledby="store-problem-title">
      <Icon name="warning" size={20} />
      <div>
        <h2 id="store-problem-title" className="banner-title">
          Gatekey cannot read its data file
        </h2>
        <p className="banner-text">
          <code className="path">{store.file}</code>
        </p>
        <p className="banner-text">{store.problem}</p>
        <p className="banner-text">
          The file was left untouched. Gatekey is read-only until the file is repaired or moved away, so creating and
          changing access keys is disabled. Restart Gatekey afterwards.
        </p>
      </div>
    </section>
  );
}
