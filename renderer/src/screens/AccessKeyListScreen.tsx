import { errorMessage, errorTitle } from '../api';
import { AccessKeyTable } from '../components/AccessKeyTable';
import { EmptyState } from '../components/EmptyState';
import { Icon } from '../components/Icon';
import { SearchBox } from '../components/SearchBox';
import { useAppStore, useVisibleAccessKeys } from '../store';

function CreateButton({ className = 'button button-primary' }: { className?: string }) {
  const openCreate = useAppStore((s) => s.openCreateDialog);
  const readOnly = useAppStore((s) => s.storeReadOnly());
  return (
    <button type="button" className={className} onClick={openCreate} disabled={readOnly} title={readOnly ? 'Disabled: the data file cannot be read.' : 'Ctrl+N'}>
      <Icon name="plus" />
      <span>Create Access Key</span>
    </button>
  );
}

function ListBody() {
  const status = useAppStore((s) => s.listStatus);
  const error = useAppStore((s) => s.listError);
  const total = useAppStore((s) => s.accessKeys.length);
  const query = useAppStore((s) => s.query);
  const setQuery = useAppStore((s) => s.setQuery);
  const sortDirection = useAppStore((s) => s.sortDirection);
  const toggleSort = useAppStore((s) => s.toggleSortDirection);
  const visible = useVisibleAccessKeys();

  if (status === 'idle' || (status === 'loading' && total === 0)) {
    return (
      <p className="loading" role="status">
        Loading access keys…
      </p>
    );
  }
  if (status === 'error' && error) {
    // The store banner above already explains an unreadable file; do not say it twice.
    if (error.code === 'STORE_UNREADABLE') {
      return <EmptyState icon="warning" title="No access keys to show">Gatekey could not open its data file (see above).</EmptyState>;
    }
    return (
      <EmptyState icon="warning" title={errorTitle(error)}>
        <p role="alert">{errorMessage(error)}</p>
      </EmptyState>
    );
  }
  if (total === 0) {
    return (
      <EmptyState icon="key" title="No access keys yet" action={<CreateButton />}>
        An access key is an APIKey and APISecret pair that an API caller uses to sign its requests.
      </EmptyState>
    );
  }
  return (
    <>
      <div className="list-controls">
        <SearchBox value={query} onChange={setQuery} />
        <p className="list-count" role="status">
          {visible.length === total ? `${total} access ${total === 1 ? 'key' : 'keys'}` : `${visible.length} of ${total} access keys`}
        </p>
      </div>
      {visible.length === 0 ? (
        <EmptyState icon="search" title="No matching access keys" action={<button type="button" className="button" onClick={() => setQuery('')}>Clear search</button>}>
          No name, Access Key ID or APIKey contains “{query.trim()}”.
        </EmptyState>
      ) : (
        <AccessKeyTable accessKeys={visible} sortDirection={sortDirection} onToggleSort={toggleSort} />
      )}
    </>
  );
}

export function AccessKeyListScreen() {
  const refresh = useAppStore((s) => s.loadAccessKeys);
  const loading = useAppStore((s) => s.listStatus === 'loading');
  return (
    <div className="screen screen-list">
      <header className="screen-header">
        <div>
          <h1 className="screen-title">Access Key</h1>
          <p className="screen-subtitle">Credentials that API callers use to sign requests. APISecrets are kept in the OS keychain.</p>
        </div>
        <div className="toolbar">
          <button type="button" className="button" onClick={() => refresh()} disabled={loading}>
            <Icon name="refresh" />
            <span>Refresh</span>
          </button>
          <CreateButton />
        </div>
      </header>
      <ListBody />
    </div>
  );
}
