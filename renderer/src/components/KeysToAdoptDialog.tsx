import { useRef } from 'react';
import { useAppStore } from '../store';
import { Dialog } from './Dialog';

/**
 * After "Reload from disk" dropped the records of access keys: their
 * APISecrets are still in the OS keychain (nothing deleted them). Health lists
 * those entries as orphans; adopting one needs the APIKey shown here.
 */
export function KeysToAdoptDialog() {
  const keys = useAppStore((s) => s.keysToAdopt);
  const dismiss = useAppStore((s) => s.dismissKeysToAdopt);
  const navigate = useAppStore((s) => s.navigate);
  const healthButton = useRef<HTMLButtonElement>(null);
  if (keys.length === 0) return null;

  return (
    <Dialog
      title="Access keys to adopt again"
      onCancel={dismiss}
      initialFocus={healthButton}
      footer={
        <>
          <button type="button" className="button" onClick={dismiss}>
            Close
          </button>
          <button
            ref={healthButton}
            type="button"
            className="button button-primary"
            onClick={() => {
              dismiss();
              navigate({ name: 'health' });
            }}
          >
            Open Health
          </button>
        </>
      }
    >
      <p>
        The reloaded file has no record of these access keys. Their APISecrets are still in the OS keychain: in Health,
        adopt each keychain entry and enter its APIKey from this list. Note the APIKeys before closing.
      </p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Keychain entry</th>
            <th scope="col">APIKey</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.id}>
              <td>{key.name}</td>
              <td>
                <code>{key.id}</code>
              </td>
              <td>
                <code>{key.apiKey}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
