import { useEffect, useState } from 'react';
import type { BoundGroup } from '../../../electron/core/authorizations/types';
import type { IpcError } from '../api';
import { formatDateTime } from '../format';
import { useAppStore } from '../store';
import { ErrorAlert } from './ErrorAlert';

/** The API groups this key may call, through any authorization naming its Access Key ID or APIKey. */
export function AccessKeyGrants({ accessKeyId }: { accessKeyId: string }) {
  const fetchGrants = useAppStore((s) => s.fetchAccessKeyGrants);
  const [grants, setGrants] = useState<BoundGroup[] | null>(null);
  const [error, setError] = useState<IpcError | null>(null);

  useEffect(() => {
    let current = true;
    void fetchGrants(accessKeyId).then((result) => {
      if (!current) return;
      setGrants(result.ok ? result.data : null);
      setError(result.ok ? null : result.error);
    });
    return () => {
      current = false;
    };
  }, [accessKeyId, fetchGrants]);

  let body;
  if (error) body = <ErrorAlert error={error} compact />;
  else if (!grants) body = <p className="muted" role="status">Loading…</p>;
  else if (grants.length === 0) {
    body = <p className="muted">No API group is authorized for this key yet. A provider authorizes it on the Access Authorization page.</p>;
  } else {
    body = (
      <table className="table table-compact">
        <thead>
          <tr>
            <th scope="col">API group</th>
            <th scope="col">Region</th>
            <th scope="col">Environment</th>
            <th scope="col">Authorized</th>
          </tr>
        </thead>
        <tbody>
          {grants.map((group) => (
            <tr key={group.id}>
              <td dir="auto">{group.name}</td>
              <td>{group.region}</td>
              <td>
                <span className={`env env-${group.environment}`}>{group.environment}</span>
              </td>
              <td className="cell-nowrap">
                <time dateTime={group.boundAt}>{formatDateTime(group.boundAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }

  return (
    <section className="card" aria-labelledby="grants-title">
      <h2 id="grants-title" className="card-title">
        Authorized API groups
      </h2>
      {body}
    </section>
  );
}
