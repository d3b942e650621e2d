import type { ReadOnlyCause } from '../../../electron/shared/store/status';
import { Icon } from './Icon';

/** Why this window only reads, in one line above main's detailed text (which names the fix). */
const HEADLINES: Record<ReadOnlyCause, string> = {
  anotherInstance: 'Another Gatekey is using this data folder.',
  readOnlyFolder: 'The data folder is read-only.',
  diskFull: 'The disk is full.',
  requested: 'Opened read-only on request.',
  lockFailed: 'Gatekey could not lock the data folder.',
};

/** Gatekey will not write its data file here (another Gatekey holds it, or the folder cannot be written): this window only reads. */
export function ReadOnlyBanner({ file, problem, cause }: { file: string; problem: string; cause?: ReadOnlyCause }) {
  return (
    <section className="banner banner-warning" role="status" aria-labelledby="read-only-title">
      <Icon name="warning" size={18} />
      <div>
        <h2 id="read-only-title" className="banner-title">
          Read-only: Gatekey will not change its data file
        </h2>
        {cause && (
          <p className="banner-text">
            <strong>{HEADLINES[cause]}</strong>
          </p>
        )}
        <p className="banner-text">{problem}</p>
        <p className="banner-text">
          <code className="path">{file}</code>
        </p>
        <p className="banner-text">Creating and changing access keys, API groups and authorizations is disabled in this window.</p>
      </div>
    </section>
  );
}
