import { useRef, useState } from 'react';
import type { KeyImportPreviewEntry, KeyImportSummary } from '../../../electron/shared/key-files/types';
import type { IpcError } from '../api';
import { useImportKeys, useKeyImportPreview } from '../queries/key-import';
import { ipcErrorOf } from '../queries/unwrap';
import { useAppStore } from '../store';
import type { KeyImportDraft } from '../store/key-import-slice';
import { Dialog } from './Dialog';
import { ErrorAlert } from './ErrorAlert';
import { ImportPreviewList } from './ImportPreviewList';
import { ImportProgress } from './ImportProgress';
import { ImportSummary } from './ImportSummary';

const TITLE = 'Import Key Files';

function Preview({ draft, entries }: { draft: KeyImportDraft; entries: KeyImportPreviewEntry[] }) {
  const close = useAppStore((s) => s.closeKeyImport);
  const importKeys = useImportKeys();
  const [error, setError] = useState<IpcError | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const importing = importKeys.pending;
  const count = entries.filter((e) => e.status === 'new').length;
  const total = entries.length + draft.refused.length;

  const confirm = async () => {
    if (importing) return;
    setError(null);
    // Done: the summary replaces this stage. Failed: the preview stays, with why.
    const result = await importKeys.run(draft);
    if (!result.ok) setError(result.error);
  };

  return (
    <Dialog
      title={TITLE}
      size="wide"
      initialFocus={count > 0 ? confirmButton : cancelButton}
      onCancel={importing ? undefined : close}
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
      {total > 0 && <ImportPreviewList entries={entries} refused={draft.refused} />}
      {/* Only while this import runs: a failed one may leave its last count behind. */}
      {importing && <ImportProgress />}
      {error && <ErrorAlert error={error} />}
    </Dialog>
  );
}

/** Main checks the draft first; each answer (checking, failed, preview) opens as a dialog of its own and takes focus afresh. */
function PreviewStage({ draft }: { draft: KeyImportDraft }) {
  const close = useAppStore((s) => s.closeKeyImport);
  const preview = useKeyImportPreview(draft);

  if (preview.isPending) {
    return (
      <Dialog key="checking" title={TITLE} size="wide" onCancel={close} footer={<button type="button" className="button" onClick={close}>Cancel</button>}>
        <p className="loading" role="status">Checking key files…</p>
      </Dialog>
    );
  }
  if (preview.isError) {
    return (
      <Dialog key="failed" title={TITLE} size="wide" onCancel={close} footer={<button type="button" className="button" onClick={close}>Close</button>}>
        <ErrorAlert error={ipcErrorOf(preview.error)} />
      </Dialog>
    );
  }
  return <Preview draft={draft} entries={preview.data} />;
}

function Summary({ summary }: { summary: KeyImportSummary }) {
  const close = useAppStore((s) => s.closeKeyImport);
  const doneButton = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      title={TITLE}
      size="wide"
      initialFocus={doneButton}
      onCancel={close}
      footer={<button ref={doneButton} type="button" className="button button-primary" onClick={close}>Done</button>}
    >
      <ImportSummary summary={summary} />
    </Dialog>
  );
}

/** Preview, then summary, of importing key files or handoff text as authorizations. */
export function ImportKeysDialog() {
  const keyImport = useAppStore((s) => s.keyImport);
  if (!keyImport) return null;
  // Keyed by draft: another set of files starts afresh.
  return keyImport.stage === 'summary' ? <Summary summary={keyImport.summary} /> : <PreviewStage key={keyImport.draft} draft={keyImport} />;
}
