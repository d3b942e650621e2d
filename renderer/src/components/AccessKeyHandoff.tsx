import { useState } from 'react';
import type { AccessKeySummary } from '../../../electron/shared/access-keys/types';
import { client, errorMessage } from '../api';
import { useCopyAction } from '../hooks/useCopyAction';
import { useAppStore } from '../store';
import { Icon } from './Icon';

/** Handing the APIKey to a provider: a key file or one line for chat. Neither carries the APISecret. */
export function AccessKeyHandoff({ accessKey }: { accessKey: AccessKeySummary }) {
  const showToast = useAppStore((s) => s.showToast);
  const copy = useCopyAction();
  const [exporting, setExporting] = useState(false);
  const [copying, setCopying] = useState(false);

  const exportFile = async () => {
    setExporting(true);
    // Main asks where to save; the page never names a path.
    const result = await client.keyFiles.export({ id: accessKey.id });
    setExporting(false);
    if (!result.ok) showToast(errorMessage(result.error), 'error');
    else if (result.data.saved) showToast(`Key file saved to ${result.data.path}`);
  };

  const copyText = async () => {
    setCopying(true);
    await copy(() => client.keyFiles.copyHandoffText({ id: accessKey.id }), 'Handoff text copied — paste it in chat');
    setCopying(false);
  };

  return (
    <section className="card" aria-labelledby="handoff-title">
      <h2 id="handoff-title" className="card-title">
        Hand over to a provider
      </h2>
      <p className="card-text">
        The provider imports your APIKey from a key file or from one line of text. Neither contains the APISecret.
      </p>
      <div className="handoff">
        <div className="handoff-fingerprint">
          <span className="handoff-fingerprint-label">Fingerprint</span>{' '}
          <code className="fingerprint fingerprint-large">{accessKey.fingerprint}</code>
          <span className="field-hint">Read it to the provider to confirm the handoff.</span>
        </div>
        <div className="handoff-actions">
          <button type="button" className="button" onClick={() => void exportFile()} disabled={exporting}>
            <Icon name="arrowDown" />
            <span>Export APIKey</span>
          </button>
          <button type="button" className="button" onClick={() => void copyText()} disabled={copying}>
            <Icon name="copy" />
            <span>Copy handoff text</span>
          </button>
        </div>
      </div>
    </section>
  );
}
