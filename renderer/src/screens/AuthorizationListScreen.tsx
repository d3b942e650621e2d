import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { AuthorizationDialogs } from '../components/AuthorizationDialogs';
import { AuthorizationTable } from '../components/AuthorizationTable';
import { EmptyState } from '../components/EmptyState';
import { ImportKeysDialog } from '../components/ImportKeysDialog';
import { KeyFileDropZone } from '../components/KeyFileDropZone';
import { Icon } from '../components/Icon';
import { ListProblem } from '../components/ListProblem';
import { SearchBox } from '../components/SearchBox';
import { apiGroupsQuery } from '../queries/api-groups';
import { useStoreReadOnly } from '../queries/app';
import { useDeferredSearch } from '../hooks/useDeferredSearch';
import { useAuthorizationList, useAuthorizationPosition } from '../queries/authorizations';
import { ipcErrorOf } from '../queries/unwrap';
import { useAppStore } from '../store';

function CreateButton() {
  const open = useAppStore((s) => s.openAuthorizationDialog);
  const readOnly = useStoreReadOnly();
  return (
    <button type="button" className="button button-primary" onClick={() => open({ kind: 'create' })} disabled={readOnly}>
      <Icon name="plus" />
      <span>Create Authorization</span>
    </button>
  );
}

function ListBody() {
  const query = useAppStore((s) => s.authorizationQuery);
  const setQuery = useAppStore((s) => s.setAuthorizationQuery);
  const search = useDeferredSearch(query);
  const list = useAuthorizationList({ search });
  const { total, matching } = list;
  // The row to scroll to: main says where it sits in the list as searched now.
  const highlighted = useAppStore((s) => s.highlightedAuthorizationId);
  const index = useAuthorizationPosition(highlighted, search);
  const reveal = highlighted !== null && typeof index === 'number' ? { id: highlighted, index } : null;

  if (list.isPending) return <p className="loading" role="status">Loading authorizations…</p>;
  if (list.error) return <ListProblem error={ipcErrorOf(list.error)} what="authorizations" />;
  if (total === 0) {
    return (
      <EmptyState icon="userCheck" title="No authorizations yet" action={<CreateButton />}>
        Authorize a caller by the Access Key ID or APIKey they handed over, or drop their key files here, then bind the API groups they may call.
      </EmptyState>
    );
  }
  return (
    <>
      <div className="list-controls">
        <SearchBox value={query} onChange={setQuery} label="Search by Access Key" placeholder="Search Access Key ID, APIKey or key name" />
        <p className="list-count" role="status">
          {matching === total ? `${total} ${total === 1 ? 'authorization' : 'authorizations'}` : `${matching} of ${total} authorizations`}
        </p>
      </div>
      {matching === 0 ? (
        <EmptyState icon="search" title="No matching authorizations" action={<button type="button" className="button" onClick={() => setQuery('')}>Clear search</button>}>
          No Access Key contains “{query.trim()}”.
        </EmptyState>
      ) : (
        <AuthorizationTable list={list} reveal={reveal} />
      )}
    </>
  );
}

export function AuthorizationListScreen() {
  const queries = useQueryClient();

  useEffect(() => {
    // Bind needs the groups: asked for now (unless cached), so the dialog opens full, without this page watching them.
    void queries.prefetchQuery(apiGroupsQuery);
    return () => {
      // The highlight marks a row for this visit only.
      useAppStore.setState({ highlightedAuthorizationId: null });
      useAppStore.getState().closeKeyImport();
    };
  }, [queries]);

  return (
    <div className="screen screen-list">
      <header className="screen-header">
        <div>
          <h1 className="screen-title">Access Authorization</h1>
          <p className="screen-subtitle">Which callers may use your API groups. A caller is known by the Access Key they hand over.</p>
        </div>
        <div className="toolbar">
          <CreateButton />
        </div>
      </header>
      <ListBody />
      <AuthorizationDialogs />
      <ImportKeysDialog />
      <KeyFileDropZone />
    </div>
  );
}
