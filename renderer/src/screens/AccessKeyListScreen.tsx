import { useQueryClient } from '@tanstack/react-query';
import type { AccessKeySummary } from '../../../electron/shared/access-keys/types';
import { errorMessage, errorTitle } from '../api';
import { AccessKeyTable } from '../components/AccessKeyTable';
import { EmptyState } from '../components/EmptyState';
import { Icon } from '../components/Icon';
import { SearchBox } from '../components/SearchBox';
import { useDeferredSearch } from '../hooks/useDeferredSearch';
import { useAccessKeyList, type AccessKeyListParams } from '../queries/access-keys';
import { useStoreReadOnly } from '../queries/app';
import { queryKeys } from '../queries/keys';
import type { WindowedList } from '../queries/list-window';
import { ipcErrorOf } from '../queries/unwrap';
import { useAppStore } from '../store';

function CreateButton({ className = 'button button-primary' }: { className?: string }) {
  const openCreate = useAppStore((s) => s.openCreateDialog);
  const readOnly = useStoreReadOnly();
  return (
    <button type="button" className={className} onClick={openCreate} disabled={readOnly} title={readOnly ? 'Disabled: the data file cannot be read.' : 'Ctrl+N'}>
      <Icon name="plus" />
      <span>Create Access Key</span>
    </button>
  );
}

/** The list as its search box and Created header ask for it; main searches and orders. */
function useShownList() {
  const search = useDeferredSearch(useAppStore((s) => s.accessKeyQuery));
  const direction = useAppStore((s) => s.accessKeySort);
  const params: AccessKeyListParams = { search, order: direction === 'asc' ? 'oldest' : 'newest' };
  return useAccessKeyList(params);
}

function ListBody({ list }: { list: WindowedList<AccessKeySummary> }) {
  const { total, matching } = list;
  const query = useAppStore((s) => s.accessKeyQuery);
  const setQuery = useAppStore((s) => s.setAccessKeyQuery);
  const sortDirection = useAppStore((s) => s.accessKeySort);
  const toggleSort = useAppStore((s) => s.toggleAccessKeySort);

  if (list.isPending) {
    return (
      <p className="loading" role="status">
        Loading access keys…
      </p>
    );
  }
  if (list.error) {
    const error = ipcErrorOf(list.error);
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
          {matching === total ? `${total} access ${total === 1 ? 'key' : 'keys'}` : `${matching} of ${total} access keys`}
        </p>
      </div>
      {matching === 0 ? (
        <EmptyState icon="search" title="No matching access keys" action={<button type="button" className="button" onClick={() => setQuery('')}>Clear search</button>}>
          No name, Access Key ID or APIKey contains “{query.trim()}”.
        </EmptyState>
      ) : (
        <AccessKeyTable list={list} sortDirection={sortDirection} onToggleSort={toggleSort} />
      )}
    </>
  );
}

export function AccessKeyListScreen() {
  const queries = useQueryClient();
  const list = useShownList();
  // Disabled only while there is nothing yet: a refetch after main's event joins the one running.
  const refresh = () => void queries.invalidateQueries({ queryKey: queryKeys.accessKeys.pages }, { cancelRefetch: false });
  return (
    <div className="screen screen-list">
      <header className="screen-header">
        <div>
          <h1 className="screen-title">Access Key</h1>
          <p className="screen-subtitle">Credentials that API callers use to sign requests. APISecrets are kept in the OS keychain.</p>
        </div>
        <div className="toolbar">
          <button type="button" className="button" onClick={refresh} disabled={list.isPending && list.isFetching}>
            <Icon name="refresh" />
            <span>Refresh</span>
          </button>
          <CreateButton />
        </div>
      </header>
      <ListBody list={list} />
    </div>
  );
}
