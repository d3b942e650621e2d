import { useId, useRef } from 'react';
import type { JdAccountView, PlanItem } from '../../../../electron/shared/jdcloud/types';
import { Dialog } from '../Dialog';
import { countsSentence } from './plan-words';

/** Deletes named one by one in the question; beyond this the plan's own list has them all. */
const MAX_NAMED_DELETES = 50;

/** Names what apply will change, and where, before anything is sent: every delete by its APIKey. Cancel has focus. */
export function ApplyConfirmDialog({ items, account, onConfirm, onCancel }: { items: PlanItem[]; account: JdAccountView; onConfirm(): void; onCancel(): void }) {
  const cancel = useRef<HTMLButtonElement>(null);
  const messageId = useId();
  const regions = [...new Set(items.map((item) => item.region))];
  const count = `${items.length} ${items.length === 1 ? 'change' : 'changes'}`;
  const deletes = items.filter((item) => item.action === 'deleteAuthorization');
  // An unbind takes a deployment away from a caller as surely as a delete does.
  const unbinds = items.reduce((sum, item) => sum + item.unbind.length, 0);
  return (
    <Dialog
      title={`Apply ${count} to JD Cloud?`}
      role="alertdialog"
      describedBy={messageId}
      initialFocus={cancel}
      onCancel={onCancel}
      footer={
        <>
          <button ref={cancel} type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="button button-primary" onClick={onConfirm}>
            Apply {count}
          </button>
        </>
      }
    >
      <div id={messageId} className="dialog-message">
        <p>
          {countsSentence(items)}, in {regions.join(', ')} of the account <code>{account.accessKeyId}</code>.
        </p>
        {deletes.length > 0 && (
          <div className="alert alert-warning">
            <div>
              <p className="alert-title">
                {deletes.length === 1
                  ? 'This authorization is deleted in JD Cloud: its caller loses access to every API group it was bound to.'
                  : `These ${deletes.length} authorizations are deleted in JD Cloud: their callers lose access to every API group they were bound to.`}
              </p>
              <ul className="jd-confirm-deletes" aria-label="Authorizations to delete">
                {deletes.slice(0, MAX_NAMED_DELETES).map((item) => (
                  <li key={item.id}>
                    APIKey <code>{item.apiKey}</code> in {item.region}
                    {item.accessAuthId && <span className="muted"> (JD Cloud authorization {item.accessAuthId})</span>}
                  </li>
                ))}
              </ul>
              {deletes.length > MAX_NAMED_DELETES && <p className="field-hint">And {deletes.length - MAX_NAMED_DELETES} more, listed under Delete authorization in the plan.</p>}
            </div>
          </div>
        )}
        {unbinds > 0 && (
          <p>
            {unbinds} {unbinds === 1 ? 'deployment is' : 'deployments are'} unbound: those callers lose access to {unbinds === 1 ? 'it' : 'them'}.
          </p>
        )}
        <p>
          Callers’ access changes as soon as each item is applied. You can cancel between items; what was applied stays applied and is listed in
          the summary. To undo, change the records here and apply again.
        </p>
      </div>
    </Dialog>
  );
}
