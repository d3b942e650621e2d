import { useId, type ReactNode } from 'react';

/** A titled, selectable block of monospace text; a region named by its title. */
export function CodeBlock({ title, children, note, tone }: { title: string; children: string; note?: ReactNode; tone?: 'plain' | 'diagnose' }) {
  const id = useId();
  return (
    <section className={tone === 'diagnose' ? 'code-section code-section-diagnose' : 'code-section'} aria-labelledby={id}>
      <div className="code-section-header">
        <h3 id={id} className="code-section-title">
          {title}
        </h3>
        {note && <span className="code-section-note">{note}</span>}
      </div>
      <pre className="code-block" tabIndex={0}>
        {children === '' ? <span className="muted">(empty)</span> : children}
      </pre>
    </section>
  );
}

/** Name/value pairs (request or response headers) as a compact table. */
export function HeaderTable({ title, headers, highlight }: { title: string; headers: ReadonlyArray<readonly [string, string]>; highlight?(name: string): boolean }) {
  const id = useId();
  return (
    <section className="code-section" aria-labelledby={id}>
      <div className="code-section-header">
        <h3 id={id} className="code-section-title">
          {title}
        </h3>
        <span className="code-section-note">{headers.length}</span>
      </div>
      <div className="table-wrap">
        <table className="table table-headers" aria-labelledby={id}>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {headers.map(([name, value], index) => (
              <tr key={`${index}-${name}`} className={highlight?.(name) ? 'row-added' : undefined}>
                <td>
                  <code>{name}</code>
                </td>
                <td>
                  <code>{value}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
