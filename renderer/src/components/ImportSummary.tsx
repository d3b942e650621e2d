import { useId, type ReactNode } from 'react';
import type { KeyImportSummary } from '../../../electron/shared/key-files/types';
import { useAppStore } from '../store';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function Section({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  const titleId = useId();
  if (count === 0) return null;
  return (
    <section className="import-summary-section" aria-labelledby={titleId}>
      <h3 id={titleId} className="import-summary-title">
        {title} <span className="import-summary-count">{count}</span>
      </h3>
      <ul className="import-summary-list">{children}</ul>
    </section>
  );
}

function Row({ source, children, actions }: { source: string; children: ReactNode; actions?: (sourceId: string) => ReactNode }) {
  const sourceId = useId();
  return (
    <li className="import-summary-row">
      <span id={sourceId} className="import-item-source" dir="auto">
        {source}
      </span>
      <span className="import-summary-detail">{children}</span>
      {actions && <span className="import-summary-actions">{actions(sourceId)}</span>}
    </li>
  );
}

/** What the import did: created, skipped as already authorized (with the way to it), refused (with why). */
export function ImportSummary({ summary }: { summary: KeyImportSummary }) {
  const reveal = useAppStore((s) => s.revealImportedAuthorization);
  const bind = useAppStore((s) => s.bindImportedAuthorization);
  const { created, alreadyAuthorized, rejected } = summary;
  const parts = [
    `Created ${plural(created.length, 'authorization', 'authorizations')}.`,
    alreadyAuthorized.length > 0 && `${alreadyAuthorized.length} already authorized (skipped).`,
    rejected.length > 0 && `${rejected.length} rejected.`,
  ].filter(Boolean);

  return (
    <div className="import-summary">
      <p className="import-summary-lead" role="status">
        {parts.join(' ')}
      </p>
      <Section title="Created" count={created.length}>
        {created.map((item) => (
          <Row key={item.authorizationId} source={item.source} actions={(sourceId) => (
            <>
              <button type="button" className="button button-small" aria-describedby={sourceId} onClick={() => bind(item.authorizationId)}>
                Bind API groups
              </button>
              <button type="button" className="button button-small" aria-describedby={sourceId} onClick={() => reveal(item.authorizationId)}>
                Open
              </button>
            </>
          )}>
            <code>{item.apiKey}</code>
            <span className="import-summary-fingerprint">
              <span className="muted">Fingerprint</span> <code className="fingerprint">{item.fingerprint}</code>
            </span>
          </Row>
        ))}
      </Section>
      <Section title="Already authorized, skipped" count={alreadyAuthorized.length}>
        {alreadyAuthorized.map((item, index) => (
          <Row key={`${item.existingId}-${index}`} source={item.source} actions={(sourceId) => (
            <button type="button" className="button button-small" aria-describedby={sourceId} onClick={() => reveal(item.existingId)}>
              Open
            </button>
          )}>
            <code>{item.apiKey}</code>
          </Row>
        ))}
      </Section>
      <Section title="Rejected" count={rejected.length}>
        {rejected.map((item, index) => (
          <Row key={index} source={item.source}>
            {item.reason}
          </Row>
        ))}
      </Section>
    </div>
  );
}
