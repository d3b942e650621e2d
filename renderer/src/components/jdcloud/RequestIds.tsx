import { useId, useRef } from 'react';
import { Icon } from '../Icon';

const copyKeys = typeof navigator !== 'undefined' && /Mac/i.test(navigator.userAgent) ? '⌘C' : 'Ctrl+C';

/**
 * The gateway's requestIds, for JD Cloud support. The window has no clipboard
 * permission and no channel copies arbitrary text (see CurlBox), so they sit in
 * a read-only text area: focus or "Select all" selects them for the keyboard's copy.
 */
export function RequestIds({ ids, label = 'Request IDs' }: { ids: string[]; label?: string }) {
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  if (ids.length === 0) return null;
  const selectAll = () => {
    area.current?.focus();
    area.current?.select();
  };
  return (
    <div className="jd-request-ids">
      <div className="jd-request-ids-header">
        <span id={`${id}-hint`} className="field-hint">
          {label} ({ids.length}), for JD Cloud support: select and copy ({copyKeys})
        </span>
        <button type="button" className="button button-small" onClick={selectAll}>
          <Icon name="copy" size={14} />
          <span>Select all</span>
        </button>
      </div>
      <textarea ref={area} className="code-block jd-request-ids-box" readOnly value={ids.join('\n')} rows={Math.min(ids.length, 4)} aria-label={label}
        aria-describedby={`${id}-hint`} spellCheck={false} onFocus={(event) => event.currentTarget.select()} />
    </div>
  );
}
