import { useState } from 'react';
import { errorMessage, errorTitle } from '../api';
import { AccessKeyBasicInfo } from '../components/AccessKeyBasicInfo';
import { AccessKeyGrants } from '../components/AccessKeyGrants';
import { AccessKeyCredentials } from '../components/AccessKeyCredentials';
import { AccessKeyHandoff } from '../components/AccessKeyHandoff';
import { DeleteAccessKeyDialog } from '../components/DeleteAccessKeyDialog';
import { EditAccessKeyDialog } from '../components/EditAccessKeyDialog';
import { EmptyState } from '../components/EmptyState';
import { Icon } from '../components/Icon';
import { useAccessKey } from '../queries/access-keys';
import { useStoreReadOnly } from '../queries/app';
import { ipcErrorOf } from '../queries/unwrap';
import { useAppStore } from '../store';

function Breadcrumb({ current }: { current?: string }) {
  const back = useAppStore((s) => s.openAccessKeyList);
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <button type="button" className="link-button breadcrumb-back" onClick={back}>
        <Icon name="chevronLeft" size={14} />
        Access Key
      </button>
      {current && (
        <>
          <Icon name="chevronRight" size={12} />
          <span aria-current="page">{current}</span>
        </>
      )}
    </nav>
  );
}

export function AccessKeyDetailsScreen({ id }: { id: string }) {
  // The list's row at once, then main's answer: another window or the CLI may have changed or deleted the key.
  const { data: accessKey, error } = useAccessKey(id);
  const loadError = error ? ipcErrorOf(error) : null;
  const back = useAppStore((s) => s.openAccessKeyList);
  const readOnly = useStoreReadOnly();
  const [dialog, setDialog] = useState<'edit' | 'delete' | null>(null);

  if (loadError?.code === 'NOT_FOUND' || (loadError && !accessKey)) {
    const notFound = loadError.code === 'NOT_FOUND';
    return (
      <div className="screen">
        <Breadcrumb />
        <EmptyState
          icon="warning"
          title={notFound ? 'This access key no longer exists' : errorTitle(loadError)}
          action={<button type="button" className="button" onClick={back}>Back to Access Key list</button>}
        >
          <p>{notFound ? 'It may have been deleted in another window.' : errorMessage(loadError)}</p>
        </EmptyState>
      </div>
    );
  }
  if (!accessKey) {
    return (
      <div className="screen">
        <Breadcrumb />
        <p className="loading" role="status">Loading access key…</p>
      </div>
    );
  }

  return (
    <div className="screen">
      <Breadcrumb current={accessKey.name} />
      <header className="screen-header">
        <h1 className="screen-title">{accessKey.name}</h1>
        <div className="toolbar">
          <button type="button" className="button" onClick={() => setDialog('edit')} disabled={readOnly}>
            <Icon name="edit" />
            <span>Edit</span>
          </button>
          <button type="button" className="button button-danger-outline" onClick={() => setDialog('delete')} disabled={readOnly}>
            <Icon name="trash" />
            <span>Delete</span>
          </button>
        </div>
      </header>
      <AccessKeyBasicInfo accessKey={accessKey} />
      <AccessKeyCredentials accessKey={accessKey} />
      <AccessKeyHandoff accessKey={accessKey} />
      <AccessKeyGrants accessKeyId={accessKey.id} />
      {dialog === 'edit' && <EditAccessKeyDialog accessKey={accessKey} onClose={() => setDialog(null)} />}
      {dialog === 'delete' && <DeleteAccessKeyDialog accessKey={accessKey} onClose={() => setDialog(null)} />}
    </div>
  );
}
