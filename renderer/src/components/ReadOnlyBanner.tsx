import { Icon } from './Icon';

/** Another Gatekey holds the data folder: this window only reads. */
export function ReadOnlyBanner({ file, problem }: { file: string; problem: string }) {
  return (
    <section className="banner banner-warning" role="status" aria-labelledby="read-only-title">
      <Icon name="warning" size={18} />
      <div>
        <h2 id="read-only-title" className="banner-title">
          Read-only: Gatekey will not change its data file
        </h2>
        <p className="banner-text">{problem}</p>
        <p className="banner-text">
          <code className="path">{file}</code>
        </p>
        <p className="banner-text">Creating and changing access keys, API groups and authorizations is disabled in this window.</p>
      </div>
    </section>
  );
}
