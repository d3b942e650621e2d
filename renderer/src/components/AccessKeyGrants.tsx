import { formatDateTime } from '../format';
import { useAccessKeyGrants } from '../queries/access-keys';
import { ipcErrorOf } from '../queries/unwrap';
import { ErrorAlert } from './ErrorAlert';

/** The API groups this key may call, through any authorization naming its Access Key ID or APIKey. */
export function AccessKeyGrants({ accessKeyId }: { accessKeyId: string }) {
  const { data: grants, error } = useAccessKeyGrants(accessKeyId);

  let body;
  if (error) body = <ErrorAlert error={ipcErrorOf(error)} compact />;
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
