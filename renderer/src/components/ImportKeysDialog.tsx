import { useRef } from 'react';
import { useAppStore } from '../store';
import type { KeyImport } from '../store/key-import-slice';
import { Dialog } from './Dialog';
import { ErrorAlert } from './ErrorAlert';
import { ImportPreviewList } from './ImportPreviewList';
import { ImportSummary } from './ImportSummary';

const TITLE = 'Import Key Files';

function Preview({ keyImport }: { keyImport: Extract<KeyImport, { stage: 'preview' }> }) {
  const confirm = useAppStore((s) => s.confirmKeyImport);
  const close = useAppStore((s) => s.closeKeyImport);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const { entries, refused, importing, error } = keyImport;
  const count = entries.filter((e) => e.status === 'new').length;
  const total = entries.length + refused.length;

  return (
    <Dialog
      title={TITLE}
      size="wide"
      initialFocus={count > 0 ? confirmButton : cancelButton}
      onClose={() => !importing && close()}
      footer={
        <>
          <button ref={cancelButton} type="button" className="button" onClick={close} disabled={importing}>
            Cancel
          </button>
          <button ref={confirmButton} type="button" className="button button-primary" onClick={() => void confirm()} disabled={importing || count === 0}>
            {importing ? 'Creating…' : `Create ${count} ${count === 1 ? 'authorization' : 'authorizations'}`}
          </button>
        </>
      }
    >
      {total === 0 ? (
        <p className="import-lead">Nothing to import: no key file was given.</p>
      ) : (
        <p className="import-lead">
          {count > 0
            ? 'Check each fingerprint with the caller before you confirm: it is the same 8 characters their Gatekey shows for the key.'
            : 'Nothing new to authorize: every item is already authorized, a duplicate, or rejected.'}
        </p>
      )}
      {total > 0 && <ImportPreviewList entries={entries} refused={refused} />}
      {error && <ErrorAlert error={error} />}
    </Dialog>
  );
}

function Stage({ keyImport }: { keyImport: KeyImport }) {
  const close = useAppStore((s) => s.closeKeyImport);
  const doneButton = useRef<HTMLButtonElement>(null);

  switch (keyImport.stage) {
    case 'checking':
      return (
        <Dialog title={TITLE} size="wide" onClose={close} footer={<button type="button" className="button" onClick={close}>Cancel</button>}>
          <p className="loading" role="status">Checking key files…</p>
        </Dialog>
      );
    case 'failed':
      return (
        <Dialog title={TITLE} size="wide" onClose={close} footer={<button type="button" className="button" onClick={close}>Close</button>}>
          <ErrorAlert error={keyImport.error} />
        </Dialog>
      );
    case 'preview':
      return <Preview keyImport={keyImport} />;
    case 'summary':
      return (
        <Dialog
          title={TITLE}
          size="wide"
          initialFocus={doneButton}
          onClose={close}
          footer={<button ref={doneButton} type="button" className="button button-primary" onClick={close}>Done</button>}
        >
          <ImportSummary summary={keyImport.summary} />
        </Dialog>
      );
  }
}

/** Preview, then summary, of importing key files or handoff text as authorizations. */
export function ImportKeysDialog() {
  const keyImport = useAppStore((s) => s.keyImport);
  // Keyed by stage: each stage opens as a dialog of its own and takes focus afresh.
  return keyImport && <Stage key={keyImport.stage} keyImport={keyImport} />;
}
