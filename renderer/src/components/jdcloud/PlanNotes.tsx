import type { Plan } from '../../../../electron/shared/jdcloud/types';

/** What the plan will not touch, and why: local items it cannot apply, and remote ones Gatekey does not manage. */
export function PlanNotes({ plan }: { plan: Plan }) {
  return (
    <>
      {plan.unapplicable.length > 0 && (
        <section className="jd-plan-group" aria-label={`Cannot be applied (${plan.unapplicable.length})`}>
          <h3 className="jd-plan-group-title">
            Cannot be applied <span className="badge badge-warning">{plan.unapplicable.length}</span>
          </h3>
          <ul className="jd-note-list">
            {plan.unapplicable.map((item) => (
              <li key={`${item.kind}-${item.localId}-${item.region ?? ''}-${item.reason}`}>
                <strong>{item.name}</strong>
                {item.region && <code className="jd-chip">{item.region}</code>}: {item.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      {plan.remoteOnly.length > 0 && (
        <section className="jd-plan-group" aria-label={`Only in JD Cloud (${plan.remoteOnly.length})`}>
          <h3 className="jd-plan-group-title">
            Only in JD Cloud <span className="badge badge-neutral">{plan.remoteOnly.length}</span>
          </h3>
          <p className="field-hint">Gatekey never deletes these: it did not create or adopt them. Pull, then Adopt them, to manage them here.</p>
          <ul className="jd-note-list">
            {plan.remoteOnly.map((auth) => (
              <li key={`${auth.region}-${auth.accessAuthId}`}>
                <code>{auth.accessKey}</code> <code className="jd-chip">{auth.region}</code> {auth.description && <span className="muted">{auth.description}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {plan.localOnly.length > 0 && (
        <p className="field-hint">
          {plan.localOnly.length} {plan.localOnly.length === 1 ? 'authorization here is' : 'authorizations here are'} bound to no API group of these regions:
          nothing to send for {plan.localOnly.length === 1 ? 'it' : 'them'}.
        </p>
      )}
    </>
  );
}
