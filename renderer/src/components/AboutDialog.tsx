import { useState } from 'react';
import type { IpcError } from '../api';
import { useAboutInfo, useShowDataFolder } from '../queries/app';
import { ipcErrorOf } from '../queries/unwrap';
import { useAppStore } from '../store';
import { Dialog } from './Dialog';
import { ErrorAlert } from './ErrorAlert';

// Vite copies the file into the build and rewrites this URL (no import, so main's tsconfig needs no image types).
const appIcon = new URL('../../../resources/icons/128x128.png', import.meta.url).href;

/** Opened from the sidebar footer; macOS also has the native panel in the app menu. */
export function AboutDialog() {
  const open = useAppStore((s) => s.aboutOpen);
  if (!open) return null;
  return <About />;
}

function About() {
  const close = useAppStore((s) => s.closeAbout);
  // Versions and folder never change while the app runs: asked once, then kept.
  const about = useAboutInfo();
  const showDataFolder = useShowDataFolder();
  const [folderError, setFolderError] = useState<IpcError | null>(null);
  const info = about.data;
  const error = folderError ?? (about.isError ? ipcErrorOf(about.error) : null);

  const showFolder = async () => {
    const result = await showDataFolder.run();
    setFolderError(result.ok ? null : result.error);
  };

  return (
    <Dialog
      title="About Gatekey"
      onCancel={close}
      footer={
        <button type="button" className="button" onClick={close}>
          Close
        </button>
      }
    >
      <div className="about-identity">
        <img src={appIcon} alt="" width={64} height={64} />
        <div>
          <p className="about-name">Gatekey</p>
          <p className="about-tagline">Offline API access authorization</p>
        </div>
      </div>
      {info ? (
        <dl className="about-facts">
          <dt>Version</dt>
          <dd>{info.version}</dd>
          <dt>Electron</dt>
          <dd>{info.electron}</dd>
          <dt>Chromium</dt>
          <dd>{info.chromium}</dd>
          <dt>Node.js</dt>
          <dd>{info.node}</dd>
          <dt>Licence</dt>
          <dd>{info.license}</dd>
          <dt>Data folder</dt>
          <dd className="about-folder">
            <code>{info.dataFolder}</code>
            <button type="button" className="button button-small" onClick={() => void showFolder()}>
              Show in folder
            </button>
          </dd>
        </dl>
      ) : (
        !error && <p role="status">Loading…</p>
      )}
      {error && <ErrorAlert error={error} compact />}
    </Dialog>
  );
}
