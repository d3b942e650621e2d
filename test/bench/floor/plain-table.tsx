// The bench's floor: the same rows and columns as the app's lists, rendered the plain way
// (one <tr> per record, no virtualisation, filtered with a plain .filter per keystroke over the
// same fields main searches, so both show the same rows; the bench checks the counts agree).
// `?search=` starts it searched, so it need not paint every row first. Built by test/bench/ui.measure.ts with vite and served beside the app; never shipped.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { AccessKeySummary } from '../../../electron/shared/access-keys/types';
import type { AuthorizationSummary } from '../../../electron/shared/authorizations/types';
import type {} from '../../../renderer/src/global';
import { MAX_WINDOW_ROWS } from '../../../electron/shared/lists/window';
import { AccessKeyCells } from '../../../renderer/src/components/AccessKeyCells';
import { BoundGroupsCell } from '../../../renderer/src/components/BoundGroupsCell';
import { CallerKey } from '../../../renderer/src/components/CallerKey';
import { CreatedCell } from '../../../renderer/src/components/CreatedCell';

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

function PlainList({ list, initialSearch }: { list: List; initialSearch: string }) {
  const [query, setQuery] = useState(initialSearch);
  const needle = query.trim().toLowerCase();
  const total = list.rows.length;
  let body;
  let shown: number;
  if (list.kind === 'accessKeys') {
    const rows = needle ? list.rows.filter((k) => contains(needle, [k.name, k.id, k.apiKey])) : list.rows;
    shown = rows.length;
    body = rows.map((k, i) => <AccessKeyRow key={k.id} accessKey={k} index={i} />);
  } else {
    const rows = needle ? list.rows.filter((a) => contains(needle, [a.callerKey, a.accessKeyId ?? '', a.localAccessKey?.name ?? '', a.localAccessKey?.id ?? ''])) : list.rows;
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

/** Every row, newest first as the app lists them, in the largest windows main answers. */
async function allRows<T>(query: (window: { search: string; offset: number; limit: number }) => Promise<{ ok: true; data: { total: number; rows: T[] } } | { ok: false; error: { message: string } }>): Promise<T[]> {
  const rows: T[] = [];
  for (;;) {
    const result = await query({ search: '', offset: rows.length, limit: MAX_WINDOW_ROWS });
    if (!result.ok) throw new Error(result.error.message);
    rows.push(...result.data.rows);
    if (rows.length >= result.data.total || result.data.rows.length === 0) return rows;
  }
}

async function main() {
  const params = new URLSearchParams(location.search);
  const kind = params.get('list') === 'accessKeys' ? 'accessKeys' : 'authorizations';
  const list = (kind === 'accessKeys' ? { kind, rows: await allRows((w) => window.api.accessKeys.query({ ...w, order: 'newest' })) } : { kind, rows: await allRows((w) => window.api.authorizations.query(w)) }) as List;
  createRoot(document.getElementById('root')!).render(<PlainList list={list} initialSearch={params.get('search') ?? ''} />);
}

void main();
