import { useFileDrop } from '../hooks/useFileDrop';
import { candidatesFromFiles } from '../key-files';
import { useStoreReadOnly } from '../queries/app';
import { useKeyImportBusy } from '../queries/key-import';
import { useAppStore } from '../store';
import { Icon } from './Icon';

/** Key files dropped on the Access Authorization page open the import preview. */
export function KeyFileDropZone() {
  const openImport = useAppStore((s) => s.openKeyImport);
  // Not over a read-only store, an import already running, or an open Edit/Bind/Delete (its changes would be lost).
  const readOnly = useStoreReadOnly();
  const busy = useKeyImportBusy();
  const otherDialog = useAppStore((s) => s.authorizationDialog !== null && s.authorizationDialog.kind !== 'create');
  const enabled = !readOnly && !busy && !otherDialog;
  const dragging = useFileDrop(enabled, (files) => {
    void candidatesFromFiles(files).then(({ candidates, refused }) => openImport(candidates, refused));
  });

  if (!dragging) return null;
  return (
    <div className="drop-overlay">
      <div className="drop-overlay-panel">
        <Icon name="key" size={28} />
        <p className="drop-overlay-title">Drop key files to import</p>
        <p className="drop-overlay-text">Gatekey shows what they contain before anything is created.</p>
      </div>
    </div>
  );
}
