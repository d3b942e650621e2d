import { useState } from 'react';
import type { AccessKeySummary } from '../../../electron/shared/access-keys/types';
import { useStoreReadOnly } from '../queries/app';
import { Icon } from './Icon';
import { RestoreSecretDialog } from './RestoreSecretDialog';

/**
 * The keychain was read and this key's APISecret is not in it. Putting the
 * secret back comes first; deleting the key is the last resort, and only here.
 */
export function SecretMissingHelp({ accessKey, onRestored, compact = false }: { accessKey: Pick<AccessKeySummary, 'id' | 'name'>; onRestored(): void; compact?: boolean }) {
  const [restoring, setRestoring] = useState(false);
  const readOnly = useStoreReadOnly();
  return (
    <>
      <div role="alert" className={compact ? 'alert alert-error alert-compact' : 'alert alert-error'}>
        <Icon name="warning" />
        <div>
          <p className="alert-title">The APISecret is missing from the OS keychain</p>
          <p className="alert-text">The keychain was read and has no APISecret for this access key (it may have been removed outside Gatekey). If the caller still has it, re-enter it.</p>
          <div className="alert-actions">
            <button type="button" className="button button-small" onClick={() => setRestoring(true)} disabled={readOnly}>
              <Icon name="key" size={14} />
              <span>Re-enter the APISecret</span>
            </button>
          </div>
          <p className="alert-text">If nobody has it any more, delete this access key and create a new one.</p>
        </div>
      </div>
      {restoring && (
        <RestoreSecretDialog
          accessKey={accessKey}
          onDone={() => {
            setRestoring(false);
            onRestored();
          }}
          onCancel={() => setRestoring(false)}
        />
      )}
    </>
  );
}
