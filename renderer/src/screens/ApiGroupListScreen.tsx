import { useState } from 'react';
import type { ApiGroupSummary } from '../../../electron/shared/api-groups/types';
import { ApiGroupFormDialog } from '../components/ApiGroupFormDialog';
import { ApiGroupTable } from '../components/ApiGroupTable';
import { DeleteApiGroupDialog } from '../components/DeleteApiGroupDialog';
import { EmptyState } from '../components/EmptyState';
import { Icon } from '../components/Icon';
import { ListProblem } from '../components/ListProblem';
import { SearchBox } from '../components/SearchBox';
import { useDeferredSearch } from '../hooks/useDeferredSearch';
import { useApiGroupList, useCreateApiGroup, useUpdateApiGroup } from '../queries/api-groups';
import { useStoreReadOnly } from '../queries/app';
import { ipcErrorOf } from '../queries/unwrap';
import { useAppStore } from '../store';

type GroupDialog = { kind: 'create' } | { kind: 'edit' | 'delete'; group: ApiGroupSummary };

const NEW_GROUP = { name: '', description: '', region: '', environment: '', host: '' };
const fieldsOf = ({ name, description, region, environment, host }: ApiGroupSummary) => ({ name, description, region, environment, host });

export function ApiGroupListScreen() {
  const query = useAppStore((s) => s.apiGroupQuery);
  const setQuery = useAppStore((s) => s.setApiGroupQuery);
  // Main's events and this app's own changes keep the cached windows current: arriving asks main only the first time.
  const list = useApiGroupList({ search: useDeferredSearch(query) });
  const { total, matching } = list;
  const create = useCreateApiGroup();
  const update = useUpdateApiGroup();
  const readOnly = useStoreReadOnly();
  const [dialog, setDialog] = useState<GroupDialog | null>(null);
  const close = () => setDialog(null);

  const createButton = (
    <button type="button" className="button button-primary" onClick={() => setDialog({ kind: 'create' })} disabled={readOnly}>
      <Icon name="plus" />
      <span>Create API Group</span>
    </button>
  );

  let body;
  if (list.isPending) body = <p className="loading" role="status">Loading API groups…</p>;
  else if (list.error) body = <ListProblem error={ipcErrorOf(list.error)} what="API groups" />;
  else if (total === 0) {
    body = (
      <EmptyState icon="layers" title="No API groups yet" action={createButton}>
        An API group is a set of your APIs behind one gateway host. Authorizations bind callers to groups.
      </EmptyState>
    );
  } else {
    body = (
      <>
        <div className="list-controls">
          <SearchBox value={query} onChange={setQuery} label="Search API groups" placeholder="Search name, ID or host" />
          <p className="list-count" role="status">
            {matching === total ? `${total} API ${total === 1 ? 'group' : 'groups'}` : `${matching} of ${total} API groups`}
          </p>
        </div>
        {matching === 0 ? (
          <EmptyState icon="search" title="No matching API groups" action={<button type="button" className="button" onClick={() => setQuery('')}>Clear search</button>}>
            No name, ID or host contains “{query.trim()}”.
          </EmptyState>
        ) : (
          <ApiGroupTable list={list} readOnly={readOnly} onEdit={(group) => setDialog({ kind: 'edit', group })} onDelete={(group) => setDialog({ kind: 'delete', group })} />
        )}
      </>
    );
  }

  return (
    <div className="screen screen-list">
      <header className="screen-header">
        <div>
          <h1 className="screen-title">API Groups</h1>
          <p className="screen-subtitle">Your APIs, grouped by gateway host. Callers are authorized for whole groups.</p>
        </div>
        <div className="toolbar">{createButton}</div>
      </header>
      {body}
      {dialog?.kind === 'create' && (
        <ApiGroupFormDialog title="Create API Group" submitLabel="Create" pendingLabel="Creating…" initial={NEW_GROUP} onCancel={close}
          onSubmit={async (values) => {
            const result = await create.run(values);
            if (result.ok) close();
            return result;
          }}
        />
      )}
      {dialog?.kind === 'edit' && (
        <ApiGroupFormDialog title="Edit API Group" submitLabel="Save" pendingLabel="Saving…" initial={fieldsOf(dialog.group)} onCancel={close}
          onSubmit={async (values) => {
            const result = await update.run({ id: dialog.group.id, fields: values });
            if (result.ok) close();
            return result;
          }}
        />
      )}
      {dialog?.kind === 'delete' && <DeleteApiGroupDialog group={dialog.group} onClose={close} />}
    </div>
  );
}
