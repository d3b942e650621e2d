import type { Ref } from 'react';
import type { PlanItem } from '../../../../electron/shared/jdcloud/types';
import { actionWords, deploymentWords } from './plan-words';

export interface PlanItemRowProps {
  item: PlanItem;
  included: boolean;
  disabled: boolean;
  onToggle(included: boolean): void;
  /** The virtual list measures the row through this, and finds it again by its index. */
  rowRef: Ref<HTMLLIElement>;
  index: number;
  setSize: number;
  /** The one checkbox of the list in the Tab order (roving focus). */
  tabbable: boolean;
}

/** One change the gateway needs, with the checkbox that keeps it out of the apply. */
export function PlanItemRow({ item, included, disabled, onToggle, rowRef, index, setSize, tabbable }: PlanItemRowProps) {
  return (
    <li ref={rowRef} data-index={index} aria-setsize={setSize} aria-posinset={index + 1} className={included ? 'jd-plan-item' : 'jd-plan-item jd-plan-item-excluded'}>
      <input
        type="checkbox"
        className="jd-plan-check"
        checked={included}
        disabled={disabled}
        tabIndex={tabbable ? 0 : -1}
        aria-label={`Include: ${actionWords[item.action].heading} for APIKey ${item.apiKey} in ${item.region}`}
        onChange={(event) => onToggle(event.target.checked)}
      />
      <div className="jd-plan-item-body">
        <div className="jd-plan-item-head">
          <span className="jd-plan-item-label">Caller APIKey</span>
          <code>{item.apiKey}</code>
          <code className="jd-chip">{item.region}</code>
          {item.accessAuthId && <span className="muted">JD Cloud authorization {item.accessAuthId}</span>}
        </div>
        {item.description && (
          <p className="jd-plan-line">
            <span className="jd-plan-item-label">Description</span>
            {item.description.from !== undefined ? (
              <>
                <del>{item.description.from || '(none)'}</del> → <ins>{item.description.to || '(none)'}</ins>
              </>
            ) : (
              <span>{item.description.to || '(none)'}</span>
            )}
          </p>
        )}
        {item.bind.length > 0 && (
          <p className="jd-plan-line">
            <span className="jd-plan-item-label">Bind</span>
            {item.bind.map((ref) => (
              <span key={ref.deploymentId} className="jd-chip jd-chip-add">
                + {deploymentWords(ref)}
              </span>
            ))}
          </p>
        )}
        {item.unbind.length > 0 && (
          <p className="jd-plan-line">
            <span className="jd-plan-item-label">Unbind</span>
            {item.unbind.map((ref) => (
              <span key={ref.deploymentId} className="jd-chip jd-chip-remove">
                − {deploymentWords(ref)}
              </span>
            ))}
          </p>
        )}
      </div>
    </li>
  );
}
