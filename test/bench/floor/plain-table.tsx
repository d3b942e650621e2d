// The bench's floor: the same rows and columns as the app's lists, rendered the plain way
// (one <tr> per record, no virtualisation, filtered with a plain .filter per keystroke).
// Built by test/bench/ui.measure.ts with vite and served beside the app; never shipped.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { AccessKeySummary } from '../../../electron/shared/access-keys/types';
import type { AuthorizationSummary } from '../../../electron/shared/authorizations/types';
import type {} from '../../../renderer/src/global';
import { AccessKeyCells } from '../../../renderer/src/components/AccessKeyCells';
import { BoundGroupsCell } from '../../../renderer/src/components/BoundGroupsCell';
import { CallerKey } from '../../../renderer/src/components/CallerKey';
import { CreatedCell } from '../../../renderer/src/components/CreatedCell';

const newestFirst = (a: { createdAt: string; id: string }, b: { createdAt: string; id: string }) =>
  b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id);
const contains = (needle: string, fields: string[]) => fields.some((field) => field.toLowerCase().includes(needle));
const noCopy = async () => false;
const noOpen = () => undefined;

function AccessKeyRow({ accessKey, index }: { accessKey: AccessKeySummary; index: number }) {
  return (
    <tr aria-rowindex={index + 2}>
      <AccessKeyCells accessKey={accessKey} onOpen={noOpen} onCopyApiKey={noCopy} />
    </tr>
  );
}

function AuthorizationRow({ authorization, index }: { authorization: AuthorizationSummary; index: number }) {
  return (
    <tr aria-rowindex={index + 2}>
      <td className="cell-primary">
        <CallerKey authorization={authorization} />
      </td>
      <td className="cell-description" dir="auto" title={authorization.description}>
        {authorization.description || <span className="muted">—</span>}
      </td>
      <td className="cell-nowrap">API caller</td>
      <td>
        <BoundGroupsCell groups={authorization.boundGroups} />
      </td>
      <CreatedCell iso={authorization.createdAt} />
      <td className="cell-actions">
        <button type="button" className="button button-small">Edit</button>
        <button type="button" className="button button-small">Bind</button>
        <button type="button" className="button button-small button-danger-outline">Delete</button>
      </td>
    </tr>
  );
}

type List = { kind: 'accessKeys'; rows: AccessKeySummary[] } | { kind: 'authorizations'; rows: AuthorizationSummary[] };

function PlainList({ list }: { list: List }) {
  const [query, setQuery] = useState('');
  const needle = query.trim().toLowerCase();
  const total = list.rows.length;
  let body;
  let shown: number;
  if (list.kind === 'accessKeys') {
    const rows = needle ? list.rows.filter((k) => contains(needle, [k.name, k.id, k.apiKey])) : list.rows;
    shown = rows.length;
    body = rows.map((k, i) => <AccessKeyRow key={k.id} accessKey={k} index={i} />);
  } else {
    const rows = needle ? list.rows.filter((a) => contains(needle, [a.callerKey, a.localAccessKey?.name ?? ''])) : list.rows;
    shown = rows.length;
    body = rows.map((a, i) => <AuthorizationRow key={a.id} authorization={a} index={i} />);
  }
  const columns = list.kind === 'accessKeys' ? ['Name', 'Access Key ID', 'APIKey', 'Description', 'Created'] : ['Access Key', 'Description', 'Caller type', 'Bound API groups', 'Created', 'Actions'];
  return (
    <div className="screen">
      <div className="list-controls">
        <input type="search" className="search-input" aria-label="Search" value={query} onChange={(event) => setQuery(event.target.value)} />
        <p className="list-count" role="status">
          {shown === total ? `${total} rows` : `${shown} of ${total} rows`}
        </p>
      </div>
      <div className="table-wrap">
        <table className={list.kind === 'accessKeys' ? 'table' : 'table table-dense'} aria-rowcount={shown + 1}>
          <thead>
            <tr>
              {columns.map((name) => (
                <th key={name} scope="col">
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{body}</tbody>
        </table>
      </div>
    </div>
  );
}

async function main() {
  const kind = new URLSearchParams(location.search).get('list') === 'accessKeys' ? 'accessKeys' : 'authorizations';
  const result = kind === 'accessKeys' ? await window.api.accessKeys.list({}) : await window.api.authorizations.list({});
  if (!result.ok) throw new Error(result.error.message);
  const list = { kind, rows: [...result.data].sort(newestFirst) } as List;
  createRoot(document.getElementById('root')!).render(<PlainList list={list} />);
}

void main();
