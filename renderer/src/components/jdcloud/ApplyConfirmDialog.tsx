import { useId, useRef } from 'react';
import type { JdAccountView, PlanItem } from '../../../../electron/shared/jdcloud/types';
import { Dialog } from '../Dialog';
import { countsSentence } from './plan-words';

/** Names what apply will change, and where, before anything is sent. Cancel has focus. */
export function ApplyConfirmDialog({ items, account, onConfirm, onCancel }: { items: PlanItem[]; account: JdAccountView; onConfirm(): void; onCancel(): void }) {
  const cancel = useRef<HTMLButtonElement>(null);
  const messageId = useId();
  const regions = [...new Set(items.map((item) => item.region))];
  const count = `${items.length} ${items.length === 1 ? 'change' : 'changes'}`;
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
        <p>
          Callers’ access changes as soon as each item is applied. You can cancel between items; what was applied stays applied and is listed in
          the summary. To undo, change the records here and apply again.
        </p>
      </div>
    </Dialog>
  );
}
